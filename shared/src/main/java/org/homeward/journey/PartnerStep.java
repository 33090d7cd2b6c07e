package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A step the partner organisation records on a referral made to it: the only commands staff of another
 * organisation may send to a journey, and only for that referral. Addressed by referral; the journey id is
 * found on the command side and never shown to the partner.
 */
public sealed interface PartnerStep extends JourneyCommand
        permits AcceptReferral, DeclineReferral, StartReferral, CompleteReferral, CloseReferralUnmet {

    UUID referralId();

    /** the day the step happened */
    LocalDate on();

    Instant requestedAt();
}
