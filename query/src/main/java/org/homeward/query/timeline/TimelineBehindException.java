package org.homeward.query.timeline;

import java.util.UUID;

/** The timeline has not yet caught up with a version the caller already saw acknowledged. */
public class TimelineBehindException extends RuntimeException {

    public TimelineBehindException(UUID journeyId, long minVersion) {
        super("The timeline of journey " + journeyId + " has not yet reached version " + minVersion
              + "; try again shortly", null, false, false);
    }
}
