package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record OpenJourney(@TargetAggregateIdentifier UUID journeyId, String organisationId, String caseManagerId,
                          LocalDate intakeDate, Profile profile, Instant requestedAt) {
}
