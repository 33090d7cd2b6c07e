package org.homeward.command.journey;

import java.util.UUID;

/** The caller may not act on the journey; answered exactly like a journey that does not exist. */
public class NotVisibleException extends RuntimeException {

    public NotVisibleException(UUID journeyId) {
        super("Journey " + journeyId + " is not visible to the caller", null, false, false);
    }
}
