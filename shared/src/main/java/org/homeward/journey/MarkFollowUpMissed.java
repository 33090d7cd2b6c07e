package org.homeward.journey;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record MarkFollowUpMissed(@TargetAggregateIdentifier UUID journeyId, UUID followUpId, String reason,
                                 @TargetAggregateVersion Long expectedVersion) implements JourneyCommand {
}
