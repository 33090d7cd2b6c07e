package org.homeward.journey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.homeward.access.Provenance;

/** Every change to a journey in the order it was recorded. */
public record JourneyHistory(UUID journeyId, List<Change> changes) {

    /**
     * @param event    the event as recorded
     * @param replaced for a correction or retraction: the milestone as it stood before
     */
    public record Change(long version, Instant recordedAt, String eventType, Provenance provenance, Object event,
                         Object replaced) {
    }
}
