package org.homeward.command.journey;

/**
 * A command that breaks one of the journey's rules. Messages name ids and fields only, never what a person
 * said or is, because exception messages end up in logs and problem responses.
 */
public abstract class JourneyRuleException extends RuntimeException {

    protected JourneyRuleException(String message) {
        super(message, null, false, false);
    }
}
