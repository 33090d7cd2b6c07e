package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

/** @param programId the program the milestone belongs to, when its type needs one; null otherwise */
public record MilestoneRecorded(UUID journeyId, UUID milestoneId, MilestoneType type, LocalDate occurredOn,
                                String note, UUID programId, MilestoneOutcome outcome) implements JourneyEvent {
}
