package org.homeward.command.journey;

import org.homeward.command.InvalidFieldException;

public class DateBeforeIntakeException extends InvalidFieldException {

    public DateBeforeIntakeException(String field) {
        super(field, "must not be before the journey's intake date");
    }
}
