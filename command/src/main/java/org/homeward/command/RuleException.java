package org.homeward.command;

/**
 * A command that breaks a rule of the domain. Messages name ids and fields only, never what a person
 * said or is, because exception messages end up in logs and problem responses.
 */
public abstract class RuleException extends RuntimeException {

    protected RuleException(String message) {
        super(message, null, false, false);
    }
}
