package org.homeward.query.outcomes;

import org.homeward.refusal.Refusal;
import org.homeward.refusal.RefusalKind;

/** An outcome query named a program nobody defined: answered 404, so a mistyped id is not read as "no journeys". */
public class UnknownProgramException extends Refusal {

    UnknownProgramException() {
        super(RefusalKind.UNKNOWN, "No such program");
    }
}
