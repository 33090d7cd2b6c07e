package org.homeward.query.timeline;

import java.util.UUID;
import org.homeward.refusal.Refusal;
import org.homeward.refusal.RefusalKind;

public class UnknownJourneyException extends Refusal {

    public UnknownJourneyException(UUID journeyId) {
        super(RefusalKind.UNKNOWN, "No journey " + journeyId + " is known");
    }
}
