package org.homeward.refusal;

/** The caller's role or organisation does not allow what they asked. */
public class NotPermittedException extends Refusal {

    public NotPermittedException(String message) {
        super(RefusalKind.NOT_PERMITTED, message);
    }
}
