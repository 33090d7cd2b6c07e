package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param detail what the risk is, sealed under the person's key; null when the kind says enough */
public record FlagRisk(@TargetAggregateIdentifier UUID journeyId, UUID flagId, RiskKind kind, LocalDate flaggedOn,
                       LocalDate reviewOn, String detail, Instant requestedAt,
                       @TargetAggregateVersion Long expectedVersion) implements JourneyCommand {
}
