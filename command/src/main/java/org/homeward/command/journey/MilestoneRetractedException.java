package org.homeward.command.journey;

import java.util.UUID;

public class MilestoneRetractedException extends JourneyRuleException {

    public MilestoneRetractedException(UUID milestoneId) {
        super("Milestone " + milestoneId + " has been retracted; it can no longer be corrected or retracted");
    }
}
