package org.homeward.app.access;

import java.time.Instant;
import java.util.List;

/** How often requests without a valid token were refused, per minute, route and status, newest minute first. */
public record AnonymousRefusals(int page, int size, long total, List<Count> entries) {

    public record Count(Instant minute, String method, String route, int status, long refusals) {
    }
}
