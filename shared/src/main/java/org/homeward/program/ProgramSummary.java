package org.homeward.program;

import java.util.UUID;

public record ProgramSummary(UUID programId, String organisationId, String name, ProgramKind kind, Integer capacity,
                             boolean active) {
}
