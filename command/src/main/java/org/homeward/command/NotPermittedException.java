package org.homeward.command;

/** The caller's role or organisation does not allow what they asked. */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message, null, false, false);
    }
}
