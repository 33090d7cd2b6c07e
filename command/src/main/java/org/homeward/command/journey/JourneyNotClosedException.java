package org.homeward.command.journey;

import org.homeward.command.RuleException;

import java.util.UUID;

public class JourneyNotClosedException extends RuleException {

    public JourneyNotClosedException(UUID journeyId) {
        super("Journey " + journeyId + " is open; only a closed journey can be reopened");
    }
}
