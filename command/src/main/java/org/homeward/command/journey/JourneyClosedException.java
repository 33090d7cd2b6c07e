package org.homeward.command.journey;

import java.util.UUID;

public class JourneyClosedException extends JourneyRuleException {

    public JourneyClosedException(UUID journeyId) {
        super("Journey " + journeyId + " is closed; nothing can be recorded on it until it is reopened");
    }
}
