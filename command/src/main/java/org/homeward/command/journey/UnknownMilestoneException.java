package org.homeward.command.journey;

import java.util.UUID;

public class UnknownMilestoneException extends JourneyRuleException {

    public UnknownMilestoneException(UUID milestoneId) {
        super("Milestone " + milestoneId + " was never recorded on this journey");
    }
}
