package org.homeward.query.timeline;

import java.util.UUID;

/** The caller may not read the journey; answered exactly like a journey that does not exist. */
public class JourneyNotVisibleException extends RuntimeException {

    public JourneyNotVisibleException(UUID journeyId) {
        super("Journey " + journeyId + " is not visible to the caller", null, false, false);
    }
}
