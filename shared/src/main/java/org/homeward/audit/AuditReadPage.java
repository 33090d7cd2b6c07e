package org.homeward.audit;

import java.util.List;

/** One page of audit entries of reads. */
public record AuditReadPage(int page, int size, long total, List<AuditRead> entries) {
}
