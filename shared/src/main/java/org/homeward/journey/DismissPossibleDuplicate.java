package org.homeward.journey;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that this journey and another are not the same person's; sent to each of the two. */
public record DismissPossibleDuplicate(@TargetAggregateIdentifier UUID journeyId, UUID otherJourneyId,
                                       String dismissedBy) implements JourneyCommand {
}
