package org.homeward.journey;

import java.time.LocalDate;
import java.util.UUID;

/** @param baseline true for the journey's first assessment, the one later assessments are compared with */
public record ReintegrationAssessed(UUID journeyId, UUID assessmentId, LocalDate assessedOn, String assessorId,
                                    ReintegrationScores scores, boolean baseline) implements JourneyEvent {
}
