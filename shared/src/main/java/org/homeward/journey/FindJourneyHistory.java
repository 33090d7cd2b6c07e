package org.homeward.journey;

import java.util.UUID;

public record FindJourneyHistory(UUID journeyId) {
}
