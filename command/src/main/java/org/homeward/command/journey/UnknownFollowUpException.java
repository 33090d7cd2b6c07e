package org.homeward.command.journey;

import org.homeward.command.RuleException;

import java.util.UUID;

public class UnknownFollowUpException extends RuleException {

    public UnknownFollowUpException(UUID followUpId) {
        super("Follow-up " + followUpId + " was never scheduled on this journey");
    }
}
