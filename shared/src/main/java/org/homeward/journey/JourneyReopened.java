package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

public record JourneyReopened(UUID journeyId, LocalDate reopenedOn, String reason) implements JourneyEvent {
}
