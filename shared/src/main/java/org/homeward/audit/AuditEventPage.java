package org.homeward.audit;

import java.util.List;

/** One page of audit entries of recorded events. */
public record AuditEventPage(int page, int size, long total, List<AuditEvent> entries) {
}
