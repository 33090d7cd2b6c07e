package org.homeward.command.journey;

import java.util.UUID;
import org.homeward.refusal.Refusal;
import org.homeward.refusal.RefusalKind;

public class UnknownRiskFlagException extends Refusal {
    public UnknownRiskFlagException(UUID flagId) {
        super(RefusalKind.UNKNOWN_PART, "Risk flag " + flagId + " was never raised on this journey");
    }
}
