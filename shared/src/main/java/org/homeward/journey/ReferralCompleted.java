package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

public record ReferralCompleted(UUID journeyId, UUID referralId, LocalDate completedOn, Outcome outcome)
        implements JourneyEvent {

    public enum Outcome { SERVICE_PROVIDED, PARTLY_PROVIDED }
}
