package org.homeward.command.program;

import java.util.UUID;
import org.homeward.command.RuleException;

public class ProgramRetiredException extends RuleException {

    public ProgramRetiredException(UUID programId) {
        super("Program " + programId + " is retired; it can no longer be changed");
    }
}
