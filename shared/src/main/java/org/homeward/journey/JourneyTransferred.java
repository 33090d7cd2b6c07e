package org.homeward.journey;

import java.util.UUID;

public record JourneyTransferred(UUID journeyId, String fromOrganisationId, String toOrganisationId,
                                 String caseManagerId, String reason) implements JourneyEvent {
}
