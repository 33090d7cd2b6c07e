package org.homeward.command.journey;

import org.homeward.command.InvalidFieldException;

public class DateInFutureException extends InvalidFieldException {

    public DateInFutureException(String field) {
        super(field, "must not be in the future");
    }
}
