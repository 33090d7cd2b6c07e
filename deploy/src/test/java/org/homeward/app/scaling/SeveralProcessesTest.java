package org.homeward.app.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HomewardProcess;
import org.homeward.query.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two processes with the shipped defaults (journeys kept in memory) on one database, as behind a load balancer:
 * each decides on the journey as it stands, whichever process changed it last, and both share the projections'
 * work.
 */
class SeveralProcessesTest {

    private static HomewardProcess first;
    private static HomewardProcess second;

    @BeforeAll
    static void startTwo() {
        String database = TestDatabases.create();
        first = new HomewardProcess(database);
        second = new HomewardProcess(database);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    @Test
    void journeyReopenedByOneProcessTakesMilestonesThroughTheOther() {
        Api a = first.as(Role.SUPERVISOR);
        Api b = second.as(Role.SUPERVISOR);
        String journey = a.post("/api/v1/journeys", intake()).text("journeyId");
        String path = "/api/v1/journeys/" + journey;
        assertThat(a.post(path + "/closure", Map.of("reason", "OTHER", "closedOn", INTAKE.toString())).status())
                .isEqualTo(200);

        Reply reopened = b.post(path + "/reopening", Map.of("reopenedOn", INTAKE.plusDays(1).toString(),
                                                            "reason", "person came back"));
        Reply recorded = a.post(path + "/milestones", milestone("HOUSING_SECURED", INTAKE.plusDays(1), null));

        assertThat(reopened.status()).isEqualTo(200);
        assertThat(recorded.status()).as("reopened by the other process").isEqualTo(201);
    }

    @Test
    void versionMadeByOneProcessIsCurrentForTheOther() {
        Api a = first.as(Role.SUPERVISOR);
        Api b = second.as(Role.SUPERVISOR);
        String milestones = "/api/v1/journeys/" + a.post("/api/v1/journeys", intake()).text("journeyId")
                            + "/milestones";
        Reply seenByB = b.post(milestones, milestone("SHELTER_ENTERED", INTAKE, null));
        Reply madeByA = a.post(milestones, milestone("MEDICAL_CHECKUP_DONE", INTAKE, null),
                               Map.of("If-Match", seenByB.eTag()));

        Reply current = b.post(milestones, milestone("SUPPORT_GROUP_JOINED", INTAKE, null),
                               Map.of("If-Match", madeByA.eTag()));
        Reply stale = a.post(milestones, milestone("SHELTER_EXITED", INTAKE, null),
                             Map.of("If-Match", madeByA.eTag()));

        assertThat(madeByA.status()).isEqualTo(201);
        assertThat(current.status()).as("If-Match of the version the other process made").isEqualTo(201);
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void everyProcessorWithSeveralSegmentsIsSharedByBothProcesses() {
        List<String> shared = awaitSharedProcessors();

        assertThat(shared).contains("timeline", "caseload", "outcomes");
    }

    @Test
    void aProjectionSharedWithTheOtherProcessIsNotRebuiltHalfwayAndSaysSo() {
        Api a = first.as(Role.SUPERVISOR);
        a.post("/api/v1/journeys", intake());
        awaitSharedProcessors();
        awaitEveryJourneyOnTheTimeline();

        Reply rebuild = first.as(Role.ADMINISTRATOR).post("/api/v1/admin/projections/timeline/rebuild", Map.of());

        assertThat(rebuild.status()).isEqualTo(409);
        assertThat(rebuild.text("type")).isEqualTo("urn:homeward:problem:busy");
        assertThat(rebuild.header("Retry-After")).isNotNull();
        assertThat(first.jdbc().queryForObject("select count(*) from timeline_journey", Long.class))
                .as("nothing emptied by the refused rebuild").isEqualTo(openedJourneys());
        assertThat(a.post("/api/v1/journeys", intake()).status()).isEqualTo(201);
        awaitEveryJourneyOnTheTimeline();
    }

    private static long openedJourneys() {
        return first.jdbc().queryForObject("select count(*) from domain_event_entry"
                                           + " where payload_type like '%JourneyOpened'", Long.class);
    }

    private static void awaitEveryJourneyOnTheTimeline() {
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                first.jdbc().queryForObject("select count(*) from timeline_journey", Long.class))
                .isEqualTo(openedJourneys()));
    }

    /** Waits until both processes hold segments of every processor that has several, and names those. */
    private static List<String> awaitSharedProcessors() {
        JdbcTemplate jdbc = first.jdbc();
        List<String> shared = jdbc.queryForList(
                "select processor_name from token_entry group by processor_name having count(*) > 1", String.class);
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                  .untilAsserted(() -> assertThat(jdbc.queryForList("""
                          select processor_name from token_entry where processor_name = any (?)
                          group by processor_name having count(distinct owner) = 2""", String.class,
                          (Object) shared.toArray(String[]::new)))
                          .containsExactlyInAnyOrderElementsOf(shared));
        return shared;
    }
}
