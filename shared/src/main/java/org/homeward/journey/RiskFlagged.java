package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

/** @param detail sealed under the person's key; null when none was given */
public record RiskFlagged(UUID journeyId, UUID flagId, RiskKind kind, LocalDate flaggedOn, LocalDate reviewOn,
                          String detail) implements JourneyEvent {
}
