package org.homeward.command.journey;

import java.util.UUID;

public class MilestoneAlreadyRecordedException extends JourneyRuleException {

    public MilestoneAlreadyRecordedException(UUID milestoneId) {
        super("Milestone " + milestoneId + " is already recorded on this journey");
    }
}
