package org.homeward.command.journey;

import org.homeward.command.RuleException;

import java.util.UUID;

public class FollowUpNotPendingException extends RuleException {

    public FollowUpNotPendingException(UUID followUpId) {
        super("Follow-up " + followUpId + " is already completed or marked missed");
    }
}
