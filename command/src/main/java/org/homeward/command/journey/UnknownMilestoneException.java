package org.homeward.command.journey;

import java.util.UUID;
import org.homeward.refusal.Refusal;
import org.homeward.refusal.RefusalKind;

public class UnknownMilestoneException extends Refusal {

    public UnknownMilestoneException(UUID milestoneId) {
        super(RefusalKind.UNKNOWN_PART, "Milestone " + milestoneId + " was never recorded on this journey");
    }
}
