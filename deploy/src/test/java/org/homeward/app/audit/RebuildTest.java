package org.homeward.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An administrator rebuilds the timeline while case managers keep recording; nothing is lost or doubled. */
class RebuildTest extends HttpTest {

    private static final List<String> TIMELINE_TABLES = List.of(
            "timeline_journey", "timeline_milestone", "timeline_milestone_revision", "timeline_consent",
            "timeline_case_assignment", "timeline_follow_up", "timeline_assessment", "timeline_status_change");

    @Test
    void rebuildDuringWritesEndsEqualToARebuildWithoutWrites() throws Exception {
        List<String> journeys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String journey = openJourney(intake());
            journeys.add(journey);
            for (int m = 0; m < 5; m++) {
                api.post("/api/v1/journeys/" + journey + "/milestones",
                         milestone("SUPPORT_GROUP_JOINED", INTAKE.plusDays(m), "meeting " + m));
            }
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            int day = 0;
            while (writing.get()) {
                for (String journey : journeys) {
                    api.post("/api/v1/journeys/" + journey + "/milestones",
                             milestone("FOLLOW_UP_VISIT_HELD", INTAKE.plusDays(10 + day % 200), null));
                }
                day++;
            }
        });
        writer.start();
        Reply rebuild = admin().post("/api/v1/admin/projections/timeline/rebuild", Map.of());
        Thread.sleep(1500);
        writing.set(false);
        writer.join();

        assertThat(rebuild.status()).isEqualTo(202);
        awaitCaughtUp("timeline");
        List<List<String>> afterRebuildDuringWrites = snapshot();
        admin().post("/api/v1/admin/projections/timeline/rebuild", Map.of());
        awaitCaughtUp("timeline");

        assertThat(snapshot()).isEqualTo(afterRebuildDuringWrites);
        assertThat(jdbc.queryForObject("select count(*) from timeline_milestone", Long.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from domain_event_entry where type = 'Journey'"
                                               + " and payload_type like '%MilestoneRecorded'", Long.class));
    }

    @Test
    void rebuildsAskedAtOnceAreEachAnsweredAndTheProjectionEndsWhole() throws Exception {
        for (int i = 0; i < 5; i++) {
            openJourney(intake());
        }
        List<Callable<Reply>> rebuilds = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String projection = i % 2 == 0 ? "caseload" : "timeline";
            rebuilds.add(() -> admin().post("/api/v1/admin/projections/" + projection + "/rebuild", Map.of()));
        }
        ExecutorService operators = Executors.newFixedThreadPool(8);
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> reply : operators.invokeAll(rebuilds)) {
            replies.add(reply.get());
        }
        operators.shutdown();

        assertThat(replies).extracting(Reply::status).containsOnly(202);
        awaitCaughtUp("caseload", "timeline");
        Long journeys = jdbc.queryForObject("select count(distinct aggregate_identifier) from domain_event_entry"
                                            + " where type = 'Journey'", Long.class);
        assertThat(jdbc.queryForObject("select count(*) from caseload_journey", Long.class)).isEqualTo(journeys);
        assertThat(jdbc.queryForObject("select count(*) from timeline_journey", Long.class)).isEqualTo(journeys);
    }

    @Test
    void progressIsVisibleForEveryProjection() {
        openJourney(intake());

        JsonNode projections = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> admin().get("/api/v1/admin/projections").json(),
                       list -> list.valueStream().allMatch(p -> p.path("behind").asLong() == 0));

        assertThat(projections.valueStream().map(p -> p.path("projection").asString()))
                .contains("timeline", "caseload", "audit", "programs");
        assertThat(management().get("/actuator/prometheus").body()).contains("homeward_projection_behind");
    }

    private Api admin() {
        return as(Role.ADMINISTRATOR, "admin-test", "org-test");
    }


    /** Every row of every timeline table, as text, in a stable order. */
    private List<List<String>> snapshot() {
        List<List<String>> tables = new ArrayList<>();
        for (String table : TIMELINE_TABLES) {
            tables.add(jdbc.queryForList("select t::text from " + table + " t order by t::text", String.class));
        }
        return tables;
    }
}
