package org.homeward.command;

import org.homeward.refusal.Refusal;
import org.homeward.refusal.RefusalKind;

/**
 * A command that breaks a rule of the domain in the journey's or program's present state. Messages name ids and
 * fields only, never what a person said or is, because exception messages end up in logs and problem responses.
 */
public abstract class RuleException extends Refusal {

    protected RuleException(String message) {
        super(RefusalKind.RULE_BROKEN, message);
    }
}
