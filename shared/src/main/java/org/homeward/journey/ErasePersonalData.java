package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The person asked to be forgotten: their key is destroyed, so what was written about them can never be read. */
public record ErasePersonalData(@TargetAggregateIdentifier UUID journeyId, LocalDate requestedOn,
                                Instant requestedAt) implements JourneyCommand {
}
