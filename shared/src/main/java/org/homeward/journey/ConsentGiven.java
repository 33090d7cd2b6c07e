package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

public record ConsentGiven(UUID journeyId, ConsentPurpose purpose, String partnerOrganisationId, LocalDate givenOn,
                           String recordedBy) implements JourneyEvent {
}
