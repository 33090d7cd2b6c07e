package org.homeward.journey;

import java.util.UUID;

/**
 * A supervisor found that this journey and another, warned of as a possible duplicate, are not the same person's:
 * the pair is not raised again. Recorded on both journeys, each naming the other; ids only.
 *
 * @param dismissedBy the supervisor who dismissed it
 */
public record PossibleDuplicateDismissed(UUID journeyId, UUID otherJourneyId, String dismissedBy)
        implements JourneyEvent {
}
