package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

/** @param reason sealed under the person's key */
public record RiskFlagResolved(UUID journeyId, UUID flagId, LocalDate resolvedOn, String reason)
        implements JourneyEvent {
}
