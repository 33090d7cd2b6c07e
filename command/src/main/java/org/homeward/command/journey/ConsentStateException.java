package org.homeward.command.journey;

import org.homeward.command.RuleException;

import org.homeward.journey.ConsentPurpose;

/** Consent given while already in force, or withdrawn while not in force. */
public class ConsentStateException extends RuleException {

    public ConsentStateException(ConsentPurpose purpose, boolean inForce) {
        super("Consent for " + purpose + (inForce ? " is already in force" : " is not in force"));
    }
}
