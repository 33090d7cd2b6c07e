package org.homeward.command.journey;

public class DateInFutureException extends InvalidDateException {

    public DateInFutureException(String field) {
        super(field, "must not be in the future");
    }
}
