package org.homeward.command;

import org.homeward.refusal.InvalidRequestException;

/** A value a rule of the domain refuses; it is bad input in the named request field. */
public class InvalidFieldException extends InvalidRequestException {

    public InvalidFieldException(String field, String reason) {
        super(field, reason);
    }

    public String field() {
        return fields().get(0).field();
    }
}
