package org.homeward.command.journey;

/** A date the journey's rules refuse; it is bad input in the named request field. */
public abstract class InvalidDateException extends JourneyRuleException {

    private final String field;

    protected InvalidDateException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
