package org.homeward.program;

import java.util.UUID;

/** A program as the journey's rules need to know it when a milestone names it. */
public record ProgramStanding(UUID programId, String organisationId, boolean active) {
}
