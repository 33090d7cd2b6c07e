package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces what was recorded for a milestone; the values given are the whole corrected milestone. */
public record CorrectMilestone(@TargetAggregateIdentifier UUID journeyId, UUID milestoneId, MilestoneType type,
                               LocalDate occurredOn, String note, String reason, Instant requestedAt) {
}
