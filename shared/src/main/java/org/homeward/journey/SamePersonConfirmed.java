package org.homeward.journey;

import java.util.UUID;

/**
 * A supervisor confirmed that this journey and another of the organisation are the same person's: the journeys
 * are linked. Recorded on both journeys, each naming the other; it holds ids only, nothing about the person.
 *
 * @param confirmedBy the supervisor who confirmed it
 */
public record SamePersonConfirmed(UUID journeyId, UUID otherJourneyId, String confirmedBy) implements JourneyEvent {
}
