package org.homeward.command.journey;

import org.homeward.command.RuleException;

/** A referral to a partner the person has not agreed to share with, and no supervisor's override. */
public class ConsentRequiredException extends RuleException {

    public ConsentRequiredException(String partnerOrganisationId) {
        super("The person's consent to share with " + partnerOrganisationId
              + " is not in force; record it, or a supervisor may refer with a consent override");
    }
}
