package org.homeward.query.outcomes;

/** An outcome query named a program nobody defined: answered 404, so a mistyped id is not read as "no journeys". */
public class UnknownProgramException extends RuntimeException {

    UnknownProgramException() {
        super("No such program", null, false, false);
    }
}
