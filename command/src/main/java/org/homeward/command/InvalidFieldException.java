package org.homeward.command;

/** A value a rule of the domain refuses; it is bad input in the named request field. */
public class InvalidFieldException extends RuleException {

    private final String field;

    public InvalidFieldException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
