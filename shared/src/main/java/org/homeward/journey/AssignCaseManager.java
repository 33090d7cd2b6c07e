package org.homeward.journey;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Hands the journey to another case manager of the same organisation. */
public record AssignCaseManager(@TargetAggregateIdentifier UUID journeyId, String caseManagerId, String reason,
                                @TargetAggregateVersion Long expectedVersion) implements JourneyCommand {
}
