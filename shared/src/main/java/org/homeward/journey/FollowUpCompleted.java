package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

public record FollowUpCompleted(UUID journeyId, UUID followUpId, LocalDate completedOn, String note)
        implements JourneyEvent {
}
