package org.homeward.journey;

import java.time.Instant;
import java.util.UUID;

/** The timeline exactly as the system knew it at {@code asOf}: events recorded later are not yet known. */
public record FindTimelineAsOf(UUID journeyId, Instant asOf) {
}
