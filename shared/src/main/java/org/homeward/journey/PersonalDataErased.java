package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

/** The person's key was destroyed; the history of services stays, unreadable as to who. */
public record PersonalDataErased(UUID journeyId, LocalDate requestedOn) implements JourneyEvent {
}
