package org.homeward.command.journey;

import org.homeward.command.RuleException;

import java.util.UUID;

public class MilestoneRetractedException extends RuleException {

    public MilestoneRetractedException(UUID milestoneId) {
        super("Milestone " + milestoneId + " has been retracted; it can no longer be corrected or retracted");
    }
}
