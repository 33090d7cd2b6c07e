package org.homeward.command.journey;

public class DateBeforeIntakeException extends InvalidDateException {

    public DateBeforeIntakeException(String field) {
        super(field, "must not be before the journey's intake date");
    }
}
