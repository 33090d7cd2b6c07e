package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.homeward.program.ProgramStanding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replaces what was recorded for a milestone; the values given are the whole corrected milestone. */
public record CorrectMilestone(@TargetAggregateIdentifier UUID journeyId, UUID milestoneId, MilestoneType type,
                               LocalDate occurredOn, String note, ProgramStanding program, MilestoneOutcome outcome,
                               String reason, Instant requestedAt, @TargetAggregateVersion Long expectedVersion)
        implements JourneyCommand {
}
