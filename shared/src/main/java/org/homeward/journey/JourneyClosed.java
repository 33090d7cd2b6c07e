package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

public record JourneyClosed(UUID journeyId, LocalDate closedOn, ClosureReason reason, String note)
        implements JourneyEvent {
}
