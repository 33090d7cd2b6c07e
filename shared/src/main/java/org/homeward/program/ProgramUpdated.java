package org.homeward.program;

import java.util.UUID;

public record ProgramUpdated(UUID programId, String name, ProgramKind kind, Integer capacity) implements ProgramEvent {
}
