package org.homeward.command.journey;

import java.util.UUID;
import org.homeward.command.RuleException;

/** Whether two journeys are the same person's is decided once: confirmed or dismissed, never both. */
public class PossibleDuplicateDecidedException extends RuleException {

    public PossibleDuplicateDecidedException(UUID journeyId, UUID otherJourneyId) {
        super("Whether journeys " + journeyId + " and " + otherJourneyId + " are the same person's is already"
              + " decided the other way");
    }
}
