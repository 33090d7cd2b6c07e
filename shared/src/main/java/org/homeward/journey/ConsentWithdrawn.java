package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

public record ConsentWithdrawn(UUID journeyId, ConsentPurpose purpose, String partnerOrganisationId,
                               LocalDate withdrawnOn, String recordedBy) implements JourneyEvent {
}
