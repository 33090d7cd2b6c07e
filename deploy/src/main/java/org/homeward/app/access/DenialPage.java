package org.homeward.app.access;

import java.util.List;

public record DenialPage(int page, int size, long total, List<Denial> entries) {
}
