package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A case manager asked a partner organisation to provide a service.
 *
 * @param referringOrganisationId the journey's organisation when it referred: a later transfer changes whose the
 *                                journey is, never who referred (nor may the partner learn where it went)
 * @param note                    for the partner, sealed under the person's key; null when none was given
 * @param consentOverride         null when the person's consent to share with the partner was in force
 */
public record ReferralMade(UUID journeyId, UUID referralId, String referringOrganisationId,
                           String partnerOrganisationId, ReferralService service, LocalDate madeOn,
                           LocalDate dueOn, String note, ConsentOverride consentOverride)
        implements JourneyEvent {

    /**
     * A supervisor referred without the person's consent to share, for a reason the law or the person's safety
     * gives. A code, so no free text outlives erasure; the words go in the sealed note.
     *
     * @param note sealed under the person's key
     */
    public record ConsentOverride(OverrideReason reason, String note) {

        public enum OverrideReason { IMMINENT_DANGER, MEDICAL_EMERGENCY, CHILD_PROTECTION, LEGAL_OBLIGATION }

        @Override
        public String toString() {
            return "ConsentOverride[" + reason + ", ...]";
        }
    }
}
