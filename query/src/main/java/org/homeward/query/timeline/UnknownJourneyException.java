package org.homeward.query.timeline;

import java.util.UUID;

public class UnknownJourneyException extends RuntimeException {

    public UnknownJourneyException(UUID journeyId) {
        super("No journey " + journeyId + " is known", null, false, false);
    }
}
