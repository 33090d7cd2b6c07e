package org.homeward.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.intake;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.homeward.access.Role;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Refusals are kept without letting anyone fill the database: requests without a token are counted per route and
 * minute, and no refusal keeps the path as sent, which is any text the sender chose.
 */
@TestPropertySource(properties = {"homeward.audit.denial-retention=30d", "homeward.audit.denial-purge-interval=100ms"})
class DenialSecurityTest extends HttpTest {

    private static final String TIMELINE = "/api/v1/journeys/{journeyId}/timeline";

    @Test
    void refusalsWithoutATokenAreCountedNotKeptOneByOne() {
        long rowsBefore = rows();

        for (int i = 0; i < 50; i++) {
            anonymous().get("/api/v1/journeys/" + UUID.randomUUID() + "/timeline");
        }
        anonymous().get("/api/v1/Synthetic-Vera-Testova-lives-at-12-Test-Street");

        assertThat(rows()).as("no row per anonymous request").isEqualTo(rowsBefore);
        assertThat(jdbc.queryForObject("select sum(refusals) from audit_denial_count where route = ? and status = 401",
                                       Long.class, TIMELINE)).isEqualTo(50);
        assertThat(jdbc.queryForObject("select count(*) from audit_denial_count", Long.class))
                .as("one counter per route and minute").isLessThanOrEqualTo(4);
        assertThat(jdbc.queryForList("select route from audit_denial_count", String.class))
                .noneMatch(route -> route.contains("Vera"));

        JsonNode counted = as(Role.AUDITOR, "au-test", "org-audit")
                .get("/api/v1/audit/denials/anonymous?route=" + URLEncoder.encode(TIMELINE, StandardCharsets.UTF_8))
                .json();
        assertThat(counted.path("entries").valueStream().mapToLong(count -> count.path("refusals").asLong()).sum())
                .as("auditors read the counts").isEqualTo(50);
        assertThat(counted.path("entries").valueStream().map(count -> count.path("status").asInt()))
                .containsOnly(401);
        assertThat(as(Role.SUPERVISOR, "sv-test", "org-test").get("/api/v1/audit/denials/anonymous").status())
                .isEqualTo(403);
    }

    @Test
    void refusalsOfSignedInCallersNameTheRouteNotThePath() {
        String journey = openJourney(intake());

        as(Role.EVALUATOR, "ev-denied", "org-test").get("/api/v1/journeys/" + journey + "/timeline");
        as(Role.CASE_MANAGER, "cm-denied", "org-test").get("/api/v1/journeys/" + journey + "/timeline");

        assertThat(paths("ev-denied")).as("403 from the endpoint rules").containsExactly(TIMELINE);
        assertThat(paths("cm-denied")).as("404 out of scope").containsExactly(TIMELINE);
    }

    @Test
    void refusalsOlderThanTheRetentionAreForgotten() {
        jdbc.update("insert into audit_denial (denial_id, denied_at, actor_id, method, path, status)"
                    + " values (?, now() - interval '31 days', 'old-actor', 'GET', ?, 403)", UUID.randomUUID(), TIMELINE);
        jdbc.update("insert into audit_denial (denial_id, denied_at, actor_id, method, path, status)"
                    + " values (?, now() - interval '29 days', 'recent-actor', 'GET', ?, 403)", UUID.randomUUID(),
                    TIMELINE);
        jdbc.update("insert into audit_denial_count (minute, method, route, status, refusals)"
                    + " values (date_trunc('minute', now() - interval '31 days'), 'GET', 'old-route', 401, 3)");

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> paths("old-actor").isEmpty());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from audit_denial_count where route = 'old-route'", Long.class) == 0);
        assertThat(paths("recent-actor")).hasSize(1);
    }

    private long rows() {
        return jdbc.queryForObject("select count(*) from audit_denial", Long.class);
    }

    private List<String> paths(String actorId) {
        return jdbc.queryForList("select path from audit_denial where actor_id = ?", String.class, actorId);
    }
}
