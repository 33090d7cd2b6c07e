package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

public record ReferralStarted(UUID journeyId, UUID referralId, LocalDate startedOn) implements JourneyEvent {
}
