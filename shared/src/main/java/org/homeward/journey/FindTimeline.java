package org.homeward.journey;

import java.util.UUID;

/**
 * @param minVersion the journey version the caller has already seen acknowledged; the answer waits until the
 *                   timeline has caught up with it, so a writer never reads an older timeline than it wrote
 */
public record FindTimeline(UUID journeyId, long minVersion) {
}
