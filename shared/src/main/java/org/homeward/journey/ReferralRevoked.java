package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

public record ReferralRevoked(UUID journeyId, UUID referralId, LocalDate revokedOn, RevocationCause cause)
        implements JourneyEvent {

    public enum RevocationCause {
        /** the referring organisation took it back */
        REFERRING_SIDE,
        /** the person withdrew their consent to share with the partner: revoked by the same command */
        CONSENT_WITHDRAWN
    }
}
