package org.homeward.program;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetireProgram(@TargetAggregateIdentifier UUID programId, String reason) implements ProgramCommand {
}
