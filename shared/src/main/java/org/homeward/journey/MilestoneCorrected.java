package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

/** Carries the whole corrected milestone, so a reader never has to merge partial changes. */
public record MilestoneCorrected(UUID journeyId, UUID milestoneId, MilestoneType type, LocalDate occurredOn,
                                 String note, UUID programId, MilestoneOutcome outcome, String reason)
        implements JourneyEvent {
}
