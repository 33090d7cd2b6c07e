package org.homeward.journey;

import java.util.UUID;

public record MilestoneRetracted(UUID journeyId, UUID milestoneId, String reason) implements JourneyEvent {
}
