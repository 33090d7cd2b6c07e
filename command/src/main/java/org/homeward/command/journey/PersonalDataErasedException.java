package org.homeward.command.journey;

import java.util.UUID;
import org.homeward.command.RuleException;

/** The person's data was erased: nothing more can be written about them, and erasure happens once. */
public class PersonalDataErasedException extends RuleException {

    public PersonalDataErasedException(UUID journeyId) {
        super("The personal data of journey " + journeyId + " has been erased; no personal data can be recorded");
    }
}
