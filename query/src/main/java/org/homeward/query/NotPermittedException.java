package org.homeward.query;

/** The caller's role or organisation does not allow what they asked to read. */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message, null, false, false);
    }
}
