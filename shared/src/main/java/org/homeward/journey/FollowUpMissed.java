package org.homeward.journey;

import java.util.UUID;

public record FollowUpMissed(UUID journeyId, UUID followUpId, String reason) implements JourneyEvent {
}
