package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

public record JourneyOpened(UUID journeyId, String organisationId, String caseManagerId, LocalDate intakeDate,
                            Profile profile) {
}
