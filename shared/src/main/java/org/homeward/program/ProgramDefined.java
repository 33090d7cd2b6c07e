package org.homeward.program;

import java.util.UUID;

public record ProgramDefined(UUID programId, String organisationId, String name, ProgramKind kind, Integer capacity)
        implements ProgramEvent {
}
