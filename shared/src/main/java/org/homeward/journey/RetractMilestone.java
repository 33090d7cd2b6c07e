package org.homeward.journey;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetractMilestone(@TargetAggregateIdentifier UUID journeyId, UUID milestoneId, String reason) {
}
