package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

public record ReferralCompleted(UUID journeyId, UUID referralId, LocalDate completedOn, ReferralOutcome outcome)
        implements JourneyEvent {

    public enum ReferralOutcome { SERVICE_PROVIDED, PARTLY_PROVIDED }
}
