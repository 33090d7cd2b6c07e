package org.homeward.audit;

import java.time.Instant;
import java.util.UUID;

public record FindAuditReads(UUID journeyId, String actorId, Instant from, Instant to, int page, int size) {
}
