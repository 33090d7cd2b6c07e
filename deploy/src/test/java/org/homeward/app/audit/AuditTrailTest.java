package org.homeward.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericEventMessage;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.TestUsers;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An auditor lists what was recorded and read, and sees a journey as it was known on any date. */
class AuditTrailTest extends HttpTest {

    @Autowired
    private Environment environment;

    @AfterEach
    void restoreEventClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void everyEventIsAnAuditEntryWithItsRequestAndChannel() {
        String journey = openJourney(intake());
        api.post("/api/v1/journeys/" + journey + "/milestones", milestone("SHELTER_ENTERED", INTAKE, null),
                 Map.of("X-Request-Id", "req-audit-1", "X-Channel", "mobile"));

        JsonNode page = eventually("/api/v1/audit/events?journeyId=" + journey + "&order=oldest",
                                   events -> events.path("total").asLong() == 2);

        JsonNode opened = page.path("entries").get(0);
        JsonNode recorded = page.path("entries").get(1);
        assertThat(opened.path("eventType").asString()).isEqualTo("JourneyOpened");
        assertThat(recorded.path("eventType").asString()).isEqualTo("MilestoneRecorded");
        assertThat(recorded.path("aggregateType").asString()).isEqualTo("Journey");
        assertThat(recorded.path("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(recorded.path("requestId").asString()).isEqualTo("req-audit-1");
        assertThat(recorded.path("channel").asString()).isEqualTo("mobile");
        assertThat(recorded.path("correlationId").asString()).isNotBlank();
        assertThat(recorded.path("position").asLong()).isGreaterThan(opened.path("position").asLong());
        assertThat(page.toString()).doesNotContain("SHELTER_ENTERED").as("no payload, so no personal data");
    }

    @Test
    void readingATimelineLeavesExactlyOneReadEntry() {
        String journey = openJourney(intake());

        api.get("/api/v1/journeys/" + journey + "/timeline?minVersion=0&purpose=SUPERVISION");

        JsonNode reads = auditor().get("/api/v1/audit/reads?journeyId=" + journey).json();
        assertThat(reads.path("total").asLong()).isEqualTo(1);
        assertThat(reads.path("entries").get(0).path("what").asString()).isEqualTo("timeline");
        assertThat(reads.path("entries").get(0).path("purpose").asString()).isEqualTo("SUPERVISION");
    }

    @Test
    void aPurposeIsACodeNeverFreeTextThatCouldNameSomeone() {
        String journey = openJourney(intake());

        Reply refused = api.get("/api/v1/journeys/" + journey + "/timeline?purpose=visit%20to%20Synthetic%20Person");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("purpose");
        assertThat(refused.body()).doesNotContain("Synthetic");
        assertThat(jdbc.queryForObject("select count(*) from audit_read where purpose like '%Synthetic%'",
                                       Long.class)).isZero();
    }

    @Test
    void aNoteBesideThePurposeIsKeptSealedAndGoesWithTheErasure() {
        String journey = openJourney(intake());
        String note = "Synthetic-Vera asked for her file";

        api.get("/api/v1/journeys/" + journey + "/history?purpose=PERSON_REQUEST&purposeNote="
                + URLEncoder.encode(note, StandardCharsets.UTF_8));

        JsonNode read = auditor().get("/api/v1/audit/reads?journeyId=" + journey).json().path("entries").get(0);
        assertThat(read.path("purposeNote").asString()).isEqualTo(note);
        assertThat(jdbc.queryForObject("select purpose_note from audit_read where journey_id = ?::uuid",
                                       String.class, journey)).as("stored sealed").doesNotContain("Vera");
        assertThat(api.get("/api/v1/journeys/" + journey + "/history?purposeNote=" + "x".repeat(501)).status())
                .isEqualTo(400);

        api.post("/api/v1/journeys/" + journey + "/erasure", Map.of("requestedOn", INTAKE.plusDays(9).toString()));

        // the key went with the erasure's own transaction; the sealed note itself follows once the audit has it
        JsonNode erased = auditor().get("/api/v1/audit/reads?journeyId=" + journey).json().path("entries").get(0);
        assertThat(erased.path("purposeNote").isNull() || erased.path("purposeNote").asString().equals("[erased]"))
                .as(erased.toString()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from audit_read where journey_id = ?::uuid and purpose_note is not null",
                Long.class, journey) == 0);
        assertThat(auditor().get("/api/v1/audit/reads?journeyId=" + journey).json().path("entries").get(0)
                            .path("purposeNote").isNull()).isTrue();
    }

    @Test
    void readIsRecordedEvenWhenTheReaderHangsUpAtOnce() throws Exception {
        String journey = openJourney(intake());
        int port = environment.getRequiredProperty("local.server.port", Integer.class);

        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/journeys/" + journey + "/timeline HTTP/1.1\r\nHost: localhost\r\n"
                       + "Authorization: Bearer " + TestUsers.token(Role.SUPERVISOR, "sv-test", "org-test")
                       + "\r\n\r\n")
                              .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        eventually("/api/v1/audit/reads?journeyId=" + journey, reads -> reads.path("total").asLong() == 1);
    }

    @Test
    void timelineAsKnownBeforeAndAfterALaterCorrection() {
        Instant monday = Instant.parse("2026-03-02T09:00:00Z");
        Instant friday = Instant.parse("2026-03-06T15:00:00Z");
        GenericEventMessage.clock = Clock.fixed(monday, ZoneOffset.UTC);
        String journey = openJourney(intake());
        String milestoneId = api.post("/api/v1/journeys/" + journey + "/milestones",
                                      milestone("SHELTER_ENTERED", INTAKE, "first account")).text("milestoneId");
        GenericEventMessage.clock = Clock.fixed(friday, ZoneOffset.UTC);
        api.post("/api/v1/journeys/" + journey + "/milestones/" + milestoneId + "/corrections",
                 Map.of("type", "SHELTER_ENTERED", "occurredOn", INTAKE.plusDays(2).toString(),
                        "note", "corrected account", "reason", "date was wrong"));
        String base = "/api/v1/journeys/" + journey + "/timeline?asOf=";
        JsonNode today = api.get("/api/v1/journeys/" + journey + "/timeline?minVersion=2").json();

        JsonNode wednesday = api.get(base + "2026-03-04T00:00:00Z").json();
        JsonNode saturday = api.get(base + "2026-03-07T00:00:00Z").json();
        Reply beforeIntake = api.get(base + "2026-03-01T00:00:00Z");
        JsonNode asAuditorSees = auditor().get(base + "2026-03-04T00:00:00Z").json();

        assertThat(wednesday.path("version").asLong()).isEqualTo(1);
        assertThat(wednesday.path("milestones").get(0).path("occurredOn").asString()).isEqualTo(INTAKE.toString());
        assertThat(wednesday.path("milestones").get(0).path("note").asString()).isEqualTo("first account");
        assertThat(wednesday.path("milestones").get(0).path("revisions")).hasSize(1);
        assertThat(asAuditorSees.path("milestones").get(0).path("note").asString()).isEqualTo("[masked]");
        assertThat(asAuditorSees.path("milestones").get(0).path("occurredOn").asString())
                .isEqualTo(INTAKE.toString());
        assertThat(saturday.path("version").asLong()).isEqualTo(2);
        assertThat(saturday.path("milestones").get(0).path("occurredOn").asString())
                .isEqualTo(INTAKE.plusDays(2).toString());
        assertThat(saturday.path("milestones").get(0).path("revisions")).hasSize(2);
        assertThat(beforeIntake.status()).isEqualTo(404);
        assertThat(saturday.path("milestones")).isEqualTo(today.path("milestones"));
    }

    @Test
    void historyShowsWhatEachCorrectionReplaced() {
        String journey = openJourney(intake());
        String milestoneId = api.post("/api/v1/journeys/" + journey + "/milestones",
                                      milestone("HOUSING_SECURED", INTAKE, null)).text("milestoneId");
        api.post("/api/v1/journeys/" + journey + "/milestones/" + milestoneId + "/corrections",
                 Map.of("type", "SHELTER_ENTERED", "occurredOn", INTAKE.toString(), "reason", "wrong type"));

        JsonNode changes = auditor().get("/api/v1/journeys/" + journey + "/history").json().path("changes");

        assertThat(changes.valueStream().map(c -> c.path("eventType").asString()))
                .containsExactly("JourneyOpened", "MilestoneRecorded", "MilestoneCorrected");
        assertThat(changes.get(2).path("replaced").path("type").asString()).isEqualTo("HOUSING_SECURED");
        assertThat(changes.get(2).path("event").path("type").asString()).isEqualTo("SHELTER_ENTERED");
        assertThat(changes.get(2).path("recordedAt").asString()).isNotBlank();
    }

    private JsonNode eventually(String path, java.util.function.Predicate<JsonNode> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                         .until(() -> auditor().get(path).json(), done::test);
    }

    private Api auditor() {
        return as(Role.AUDITOR, "auditor-1", "org-audit");
    }
}
