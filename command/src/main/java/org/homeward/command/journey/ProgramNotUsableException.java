package org.homeward.command.journey;

import org.homeward.command.RuleException;

import java.util.UUID;

/** A milestone named a program that is retired or belongs to another organisation. */
public class ProgramNotUsableException extends RuleException {

    public ProgramNotUsableException(UUID programId, String why) {
        super("Program " + programId + " " + why);
    }
}
