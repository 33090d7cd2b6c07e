package org.homeward.command.journey;

import java.util.UUID;
import org.homeward.command.RuleException;
import org.homeward.journey.ReferralState;

/** A step a referral cannot take from where it stands. */
public class ReferralStateException extends RuleException {

    public ReferralStateException(UUID referralId, ReferralState state) {
        super("Referral " + referralId + " is " + state);
    }
}
