package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record CloseJourney(@TargetAggregateIdentifier UUID journeyId, LocalDate closedOn, ClosureReason reason,
                           String note, Instant requestedAt, @TargetAggregateVersion Long expectedVersion)
        implements JourneyCommand {
}
