package org.homeward.journey;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RetractMilestone(@TargetAggregateIdentifier UUID journeyId, UUID milestoneId, String reason,
                               @TargetAggregateVersion Long expectedVersion) implements JourneyCommand {
}
