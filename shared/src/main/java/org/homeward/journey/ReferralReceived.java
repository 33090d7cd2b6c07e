package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The journey began with, or was joined by, a referral from outside the organisation: where it came from is kept.
 *
 * @param referralId         the referral made on Homeward by another organisation; null when recorded by hand
 * @param fromOrganisationId the organisation that referred: the maker of {@code referralId}, or the code of the
 *                           organisation named when recorded by hand; null when nobody referred (a walk-in)
 */
public record ReferralReceived(UUID journeyId, LocalDate receivedOn, Source source, UUID referralId,
                               String fromOrganisationId) implements JourneyEvent {

    public enum Source {
        /** a referral made on this installation, named by its id */
        HOMEWARD_REFERRAL,
        PHONE_CALL,
        IN_WRITING,
        WALK_IN,
        LAW_ENFORCEMENT,
        OUTREACH
    }
}
