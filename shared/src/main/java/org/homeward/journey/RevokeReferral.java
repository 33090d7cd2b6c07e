package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RevokeReferral(@TargetAggregateIdentifier UUID journeyId, UUID referralId, LocalDate revokedOn,
                             Instant requestedAt, @TargetAggregateVersion Long expectedVersion)
        implements JourneyCommand {
}
