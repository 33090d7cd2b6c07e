package org.homeward.command.journey;

import org.homeward.command.RuleException;

public class AlreadyAssignedException extends RuleException {

    public AlreadyAssignedException() {
        super("The journey is already assigned to that case manager in that organisation");
    }
}
