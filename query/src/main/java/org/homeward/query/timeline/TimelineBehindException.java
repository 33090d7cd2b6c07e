package org.homeward.query.timeline;

import java.util.UUID;
import org.homeward.refusal.Refusal;
import org.homeward.refusal.RefusalKind;

/** The timeline has not yet caught up with a version the caller already saw acknowledged. */
public class TimelineBehindException extends Refusal {

    public TimelineBehindException(UUID journeyId, long minVersion) {
        super(RefusalKind.NOT_YET, "The timeline of journey " + journeyId + " has not yet reached version "
                                   + minVersion + "; try again shortly");
    }
}
