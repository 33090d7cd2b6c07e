package org.homeward.program;

import java.util.UUID;

public record ProgramRetired(UUID programId, String reason) implements ProgramEvent {
}
