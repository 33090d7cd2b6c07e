package org.homeward.audit;

import java.time.Instant;

public record FindAuditDenials(String actorId, Instant from, Instant to, int page, int size) {
}
