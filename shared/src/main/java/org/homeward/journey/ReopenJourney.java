package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ReopenJourney(@TargetAggregateIdentifier UUID journeyId, LocalDate reopenedOn, String reason,
                            Instant requestedAt, @TargetAggregateVersion Long expectedVersion)
        implements JourneyCommand {
}
