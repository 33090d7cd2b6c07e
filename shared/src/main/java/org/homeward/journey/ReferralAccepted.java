package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

public record ReferralAccepted(UUID journeyId, UUID referralId, LocalDate acceptedOn) implements JourneyEvent {
}
