package org.homeward.command.journey;

import org.homeward.command.RuleException;

import java.util.UUID;

public class JourneyClosedException extends RuleException {

    public JourneyClosedException(UUID journeyId) {
        super("Journey " + journeyId + " is closed; nothing can be recorded on it until it is reopened");
    }
}
