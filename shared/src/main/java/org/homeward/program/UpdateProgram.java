package org.homeward.program;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdateProgram(@TargetAggregateIdentifier UUID programId, String name, ProgramKind kind,
                            Integer capacity) implements ProgramCommand {
}
