package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record AssessReintegration(@TargetAggregateIdentifier UUID journeyId, UUID assessmentId, LocalDate assessedOn,
                                  String assessorId, ReintegrationScores scores, Instant requestedAt,
                                  @TargetAggregateVersion Long expectedVersion) implements JourneyCommand {
}
