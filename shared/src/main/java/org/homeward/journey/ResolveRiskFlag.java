package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param reason why the risk no longer stands, sealed under the person's key */
public record ResolveRiskFlag(@TargetAggregateIdentifier UUID journeyId, UUID flagId, LocalDate resolvedOn,
                              String reason, Instant requestedAt, @TargetAggregateVersion Long expectedVersion)
        implements JourneyCommand {
}
