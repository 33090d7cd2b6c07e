package org.homeward.command.journey;

import java.util.UUID;
import org.homeward.refusal.Refusal;
import org.homeward.refusal.RefusalKind;

public class UnknownFollowUpException extends Refusal {

    public UnknownFollowUpException(UUID followUpId) {
        super(RefusalKind.UNKNOWN_PART, "Follow-up " + followUpId + " was never scheduled on this journey");
    }
}
