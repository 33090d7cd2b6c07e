package org.homeward.audit;

import java.time.Instant;

/** Every filter may be null; {@code newestFirst} orders by recording, newest or oldest first. */
public record FindAuditEvents(String aggregateId, String actorId, String organisationId, String eventType,
                              Instant from, Instant to, boolean newestFirst, int page, int size) {
}
