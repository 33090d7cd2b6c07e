package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

public record ReferralClosedUnmet(UUID journeyId, UUID referralId, LocalDate closedOn, UnmetReason reason)
        implements JourneyEvent {

    public enum UnmetReason { PERSON_DID_NOT_ATTEND, PERSON_DECLINED, LOST_CONTACT, OTHER }
}
