package org.homeward.command.journey;

import java.util.UUID;
import org.homeward.command.RuleException;

public class RiskFlagResolvedException extends RuleException {
    public RiskFlagResolvedException(UUID flagId) {
        super("Risk flag " + flagId + " is already resolved");
    }
}
