package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

public record FollowUpScheduled(UUID journeyId, UUID followUpId, LocalDate dueOn, FollowUpPurpose purpose)
        implements JourneyEvent {
}
