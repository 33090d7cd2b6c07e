package org.homeward.audit;

import java.util.List;

public record AuditDenialPage(int page, int size, long total, List<AuditDenial> entries) {
}
