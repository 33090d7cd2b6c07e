package org.homeward.command.journey;

import java.util.UUID;
import org.homeward.refusal.Refusal;
import org.homeward.refusal.RefusalKind;

public class UnknownReferralException extends Refusal {

    public UnknownReferralException(UUID referralId) {
        super(RefusalKind.UNKNOWN_PART, "Referral " + referralId + " was never made on this journey");
    }
}
