package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

public record MilestoneRecorded(UUID journeyId, UUID milestoneId, MilestoneType type, LocalDate occurredOn,
                                String note) {
}
