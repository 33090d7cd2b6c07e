package org.homeward.audit;

import java.util.List;

/** One page of audit entries. */
public record AuditPage<T>(int page, int size, long total, List<T> entries) {
}
