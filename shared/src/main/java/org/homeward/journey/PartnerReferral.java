package org.homeward.journey;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.journey.Profile.AgeBand;
import org.homeward.journey.Profile.FormOfExploitation;
import org.homeward.journey.Profile.Gender;

/**
 * A referral as the partner organisation it was made to sees it: the service asked, the dates, the profile
 * fields the service needs and, while the referral is open, the contact details the person agreed to share with
 * this partner — never the journey, its timeline, other referrals or case notes. A field the referral does not
 * share is null.
 *
 * @param note            the referring side's note for the partner; personal data
 * @param consentOverride made by a supervisor without the person's consent to share
 * @param endedOn         the day it was declined, completed, closed unmet or revoked
 * @param endedBecause    the reason, outcome or cause that ended it, as its code
 */
public record PartnerReferral(UUID referralId, String referringOrganisationId, ReferralService service,
                              LocalDate madeOn, LocalDate dueOn, String note, boolean consentOverride,
                              ReferralState state, LocalDate acceptedOn, LocalDate startedOn, LocalDate endedOn,
                              String endedBecause, SharedProfile profile, SharedContact contact) {

    /** The profile fields of {@link ReferralService#profileNeeded()}; the others are null. */
    public record SharedProfile(AgeBand ageBand, Gender gender, String nationality,
                                FormOfExploitation formOfExploitation) {
    }

    /** The contact details the consent names; the others are null. Personal data. */
    public record SharedContact(String fullName, String phone, String email) {

        @Override
        public String toString() {
            return "SharedContact[...]";
        }
    }

    /** One page of a partner's referrals, the latest first. */
    public record Page(int page, int size, long total, List<PartnerReferral> entries) {
    }
}
