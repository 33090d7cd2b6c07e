package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordMilestone(@TargetAggregateIdentifier UUID journeyId, UUID milestoneId, MilestoneType type,
                              LocalDate occurredOn, String note, Instant requestedAt) {
}
