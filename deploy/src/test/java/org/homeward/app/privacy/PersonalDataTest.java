package org.homeward.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;
import static org.homeward.app.support.SyntheticJourneys.with;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A synthetic person's name, phone and notes: sealed before they enter any event, readable by the people allowed
 * to, masked for auditors, gone for good after erasure, and never in a log line, even at debug level.
 */
@ExtendWith(OutputCaptureExtension.class)
// Left out of the debug output: the test's own HTTP client, bean wiring, and the database plumbing, which logs
// statements, connections and migrations but never a statement's values (those would be at TRACE).
@TestPropertySource(properties = {"logging.level.root=DEBUG", "logging.level.org.homeward=TRACE",
                                  "logging.level.jdk.internal.httpclient=INFO",
                                  "logging.level.org.springframework.beans.factory=INFO",
                                  "logging.level.org.springframework.jdbc=INFO", "logging.level.org.postgresql=INFO",
                                  "logging.level.com.zaxxer.hikari=INFO", "logging.level.org.flywaydb=INFO",
                                  "logging.level.io.micrometer=INFO"})
class PersonalDataTest extends HttpTest {

    /** Invented, distinctive values, so a leak is found by a plain text search. */
    private static final String NAME = "Zyxwena Quorbeckova";
    private static final String PHONE = "+000 5550 19874";
    private static final String NOTE = "Mentioned a cousin named Vlortemund";

    @Test
    void personalDataIsSealedInEventsAndOpenedForTheCaseManager() {
        String journey = openWithPerson();
        long version = record(journey);

        assertThat(storedEventText()).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain("Vlortemund");
        JsonNode timeline = api.get("/api/v1/journeys/" + journey + "/timeline?minVersion=" + version).json();
        assertThat(timeline.path("person").path("fullName").asString()).isEqualTo(NAME);
        assertThat(timeline.path("person").path("phone").asString()).isEqualTo(PHONE);
        assertThat(timeline.path("person").path("dateOfBirth").asString()).isEqualTo("1999-04-30");
        assertThat(timeline.path("milestones").get(0).path("note").asString()).isEqualTo(NOTE);

        JsonNode audited = auditor().get("/api/v1/journeys/" + journey + "/timeline").json();
        assertThat(audited.toString()).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain("Vlortemund");
        assertThat(audited.path("person").path("fullName").asString()).isEqualTo("[masked]");
    }

    @Test
    void erasureLeavesNothingReadableAnywhere() {
        String journey = openWithPerson();
        record(journey);
        Api supervisor = api;
        long eventsBefore = storedEvents();

        Reply byCaseManager = as(Role.CASE_MANAGER, "cm-test", "org-test")
                .post("/api/v1/journeys/" + journey + "/erasure", Map.of("requestedOn", INTAKE.plusDays(9).toString()));
        Reply erased = supervisor.post("/api/v1/journeys/" + journey + "/erasure",
                                       Map.of("requestedOn", INTAKE.plusDays(9).toString()));

        assertThat(byCaseManager.status()).isEqualTo(403);
        assertThat(erased.status()).isEqualTo(200);
        JsonNode timeline = supervisor.get("/api/v1/journeys/" + journey + "/timeline?minVersion="
                                           + erased.json().path("version").asLong()).json();
        assertThat(timeline.path("personalDataErased").asBoolean()).isTrue();
        assertThat(timeline.path("person").path("fullName").isNull()).isTrue();
        assertThat(timeline.path("milestones")).hasSize(1).as("the history of services stays");
        assertThat(timeline.path("milestones").get(0).path("type").asString()).isEqualTo("COUNSELLING_STARTED");
        assertThat(timeline.path("milestones").get(0).path("note").isNull()).isTrue();
        JsonNode history = supervisor.get("/api/v1/journeys/" + journey + "/history").json();
        assertThat(history.toString()).contains("[erased]").doesNotContain(NAME).doesNotContain("Vlortemund");
        assertThat(storedEvents()).as("events are never deleted").isEqualTo(eventsBefore + 1);
        assertThat(everyTextInTheDatabase()).noneMatch(text -> text.contains(NAME) || text.contains(PHONE)
                                                               || text.contains("Vlortemund"));

        Reply noteAfterErasure = supervisor.post("/api/v1/journeys/" + journey + "/milestones",
                                                 milestone("HOUSING_SECURED", INTAKE.plusDays(10), "any note"));
        assertThat(noteAfterErasure.status()).isEqualTo(409);
    }

    @Test
    void noPersonalDataInTheLogsEvenAtDebugLevel(CapturedOutput logs) {
        String journey = openWithPerson();
        long version = record(journey);
        api.get("/api/v1/journeys/" + journey + "/timeline?minVersion=" + version);
        api.get("/api/v1/journeys/" + journey + "/history");
        api.post("/api/v1/journeys/" + journey + "/milestones", milestone("NOT_A_TYPE", INTAKE, NOTE));
        api.post("/api/v1/journeys/" + journey + "/milestones", milestone("SHELTER_ENTERED", INTAKE, NOTE + "x".repeat(2000)));

        assertThat(logs.getAll()).as("the flow really ran at debug level").contains("DEBUG");
        assertThat(logs.getAll()).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain("Vlortemund");
    }

    private String openWithPerson() {
        Reply opened = api.post("/api/v1/journeys", with(intake(), "person",
                                                         Map.of("fullName", NAME, "phone", PHONE,
                                                                "dateOfBirth", "1999-04-30")));
        assertThat(opened.status()).isEqualTo(201);
        return opened.text("journeyId");
    }

    private long record(String journey) {
        Reply recorded = api.post("/api/v1/journeys/" + journey + "/milestones",
                                  milestone("COUNSELLING_STARTED", INTAKE.plusDays(2), NOTE));
        assertThat(recorded.status()).isEqualTo(201);
        return recorded.json().path("version").asLong();
    }

    private Api auditor() {
        return as(Role.AUDITOR, "auditor-1", "org-audit");
    }

    private String storedEventText() {
        StringBuilder text = new StringBuilder();
        jdbc.query("select payload, meta_data from domain_event_entry", rs -> {
            text.append(new String(rs.getBytes(1), StandardCharsets.UTF_8));
            byte[] metaData = rs.getBytes(2);
            if (metaData != null) {
                text.append(new String(metaData, StandardCharsets.UTF_8));
            }
        });
        return text.toString();
    }

    /** Every row of every table of the application's schema, as text. */
    private List<String> everyTextInTheDatabase() {
        List<String> texts = new ArrayList<>();
        for (String table : jdbc.queryForList("select tablename from pg_tables where schemaname = current_schema()",
                                              String.class)) {
            texts.addAll(jdbc.queryForList("select t::text from " + table + " t", String.class));
        }
        texts.add(storedEventText());
        return texts;
    }
}
