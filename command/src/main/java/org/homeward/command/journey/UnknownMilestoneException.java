package org.homeward.command.journey;

import org.homeward.command.RuleException;

import java.util.UUID;

public class UnknownMilestoneException extends RuleException {

    public UnknownMilestoneException(UUID milestoneId) {
        super("Milestone " + milestoneId + " was never recorded on this journey");
    }
}
