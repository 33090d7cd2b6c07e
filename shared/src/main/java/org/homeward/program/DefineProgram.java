package org.homeward.program;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param capacity how many people the program can take at once; null when unlimited or unknown */
public record DefineProgram(@TargetAggregateIdentifier UUID programId, String organisationId, String name,
                            ProgramKind kind, Integer capacity) implements ProgramCommand {
}
