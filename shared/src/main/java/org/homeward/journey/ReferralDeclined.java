package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

public record ReferralDeclined(UUID journeyId, UUID referralId, LocalDate declinedOn, DeclineReason reason)
        implements JourneyEvent {

    public enum DeclineReason { NO_CAPACITY, NOT_ELIGIBLE, SERVICE_NOT_OFFERED, OTHER }
}
