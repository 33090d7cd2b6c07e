package org.homeward.journey;

import java.util.UUID;

public record CaseManagerAssigned(UUID journeyId, String caseManagerId, String previousCaseManagerId,
                                  String reason) implements JourneyEvent {
}
