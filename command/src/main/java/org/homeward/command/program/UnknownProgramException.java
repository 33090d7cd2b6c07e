package org.homeward.command.program;

import java.util.UUID;

public class UnknownProgramException extends RuntimeException {

    public UnknownProgramException(UUID programId) {
        super("No program " + programId + " is known to the caller", null, false, false);
    }
}
