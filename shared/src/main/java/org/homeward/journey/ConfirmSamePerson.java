package org.homeward.journey;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Links this journey with another of the organisation as the same person's; sent to each of the two. */
public record ConfirmSamePerson(@TargetAggregateIdentifier UUID journeyId, UUID otherJourneyId, String confirmedBy)
        implements JourneyCommand {
}
