package org.homeward.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.util.Map;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A case manager records a journey from intake to closure and reads it back as a timeline. */
class RecordingJourneyTest extends HttpTest {

    @Test
    void timelineShowsMilestonesInDateOrderWithCorrectionsAndRetractions() {
        Api ana = as(Role.CASE_MANAGER, "cm-ana", "org-north");
        Reply opened = ana.post("/api/v1/journeys", intake("org-north", "cm-ana"));
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.json().path("version").asLong()).isZero();
        String journey = opened.text("journeyId");
        String base = "/api/v1/journeys/" + journey;

        Reply counselling = ana.post(base + "/milestones",
                                     milestone("COUNSELLING_STARTED", INTAKE.plusDays(20), "weekly sessions"));
        Reply shelter = ana.post(base + "/milestones", milestone("SHELTER_ENTERED", INTAKE, null));
        Reply training = ana.post(base + "/milestones",
                                  milestone("SUPPORT_GROUP_JOINED", INTAKE.plusDays(30), "weekly group"));
        assertThat(counselling.status()).isEqualTo(201);
        assertThat(training.json().path("version").asLong()).isEqualTo(3);

        Reply correction = ana.post(base + "/milestones/" + shelter.text("milestoneId") + "/corrections",
                                    Map.of("type", "SHELTER_ENTERED", "occurredOn", INTAKE.plusDays(1).toString(),
                                           "note", "arrived the day after intake", "reason", "date mistyped"));
        assertThat(correction.status()).isEqualTo(200);
        assertThat(correction.json().path("version").asLong()).isEqualTo(4);

        Reply retraction = ana.post(base + "/milestones/" + training.text("milestoneId") + "/retraction",
                                    Map.of("reason", "recorded on the wrong journey"));
        assertThat(retraction.status()).isEqualTo(200);

        Reply closure = ana.post(base + "/closure", Map.of("reason", "REINTEGRATED",
                                                           "closedOn", INTAKE.plusDays(60).toString()));
        assertThat(closure.status()).isEqualTo(200);
        long closedVersion = closure.json().path("version").asLong();
        assertThat(closedVersion).isEqualTo(6);

        Reply read = ana.get(base + "/timeline?minVersion=" + closedVersion);
        assertThat(read.status()).isEqualTo(200);
        JsonNode timeline = read.json();
        assertThat(timeline.path("status").asString()).isEqualTo("CLOSED");
        assertThat(timeline.path("closureReason").asString()).isEqualTo("REINTEGRATED");
        assertThat(timeline.path("closedOn").asString()).isEqualTo(INTAKE.plusDays(60).toString());
        assertThat(timeline.path("caseManagerId").asString()).isEqualTo("cm-ana");
        assertThat(timeline.path("version").asLong()).isEqualTo(closedVersion);

        JsonNode milestones = timeline.path("milestones");
        assertThat(milestones).hasSize(3);
        JsonNode first = milestones.get(0);
        assertThat(first.path("type").asString()).isEqualTo("SHELTER_ENTERED");
        assertThat(first.path("area").asString()).isEqualTo("SHELTER_AND_HOUSING");
        assertThat(first.path("occurredOn").asString()).isEqualTo(INTAKE.plusDays(1).toString());
        assertThat(first.path("note").asString()).isEqualTo("arrived the day after intake");
        assertThat(first.path("revisions")).hasSize(2);
        assertThat(first.path("revisions").get(0).path("occurredOn").asString()).isEqualTo(INTAKE.toString());
        assertThat(first.path("revisions").get(1).path("correctionReason").asString()).isEqualTo("date mistyped");

        assertThat(milestones.get(1).path("type").asString()).isEqualTo("COUNSELLING_STARTED");
        assertThat(milestones.get(1).path("retracted").asBoolean()).isFalse();
        assertThat(milestones.get(2).path("type").asString()).isEqualTo("SUPPORT_GROUP_JOINED");
        assertThat(milestones.get(2).path("retracted").asBoolean()).isTrue();
        assertThat(milestones.get(2).path("retractionReason").asString()).isEqualTo("recorded on the wrong journey");
    }

    @Test
    void closedJourneyRefusesNewMilestones() {
        String journey = openJourney(intake());
        api.post("/api/v1/journeys/" + journey + "/closure", Map.of("reason", "LOST_CONTACT",
                                                                    "closedOn", INTAKE.plusDays(5).toString()));
        long before = storedEvents();

        Reply refused = api.post("/api/v1/journeys/" + journey + "/milestones",
                                 milestone("HOUSING_SECURED", INTAKE.plusDays(6), null));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("type")).isEqualTo("urn:homeward:problem:rule-broken");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void retractedMilestoneCanNeitherBeCorrectedNorRetractedAgain() {
        String journey = openJourney(intake());
        String base = "/api/v1/journeys/" + journey + "/milestones/";
        String milestoneId = api.post(base.substring(0, base.length() - 1),
                                      milestone("MEDICAL_CHECKUP_DONE", INTAKE, null)).text("milestoneId");
        api.post(base + milestoneId + "/retraction", Map.of("reason", "duplicate entry"));

        Reply again = api.post(base + milestoneId + "/retraction", Map.of("reason", "duplicate entry"));
        Reply correction = api.post(base + milestoneId + "/corrections",
                                    Map.of("type", "MEDICAL_CHECKUP_DONE", "occurredOn", INTAKE.toString(),
                                           "reason", "fix"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(correction.status()).isEqualTo(409);
    }

    @Test
    void correctingUnknownMilestoneIsNotFound() {
        String journey = openJourney(intake());

        Reply reply = api.post("/api/v1/journeys/" + journey + "/milestones/" + java.util.UUID.randomUUID()
                               + "/corrections",
                               Map.of("type", "HOUSING_SECURED", "occurredOn", INTAKE.toString(), "reason", "fix"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text("type")).isEqualTo("urn:homeward:problem:unknown-part-of-journey");
    }

    @Test
    void answersCarryTheJourneyVersionAsETag() {
        String journey = openJourney(intake());
        Reply recorded = api.post("/api/v1/journeys/" + journey + "/milestones",
                                  milestone("INTAKE_INTERVIEW_HELD", INTAKE, null));
        Reply read = api.get("/api/v1/journeys/" + journey + "/timeline?minVersion=1");

        assertThat(recorded.json().path("version").asLong()).isEqualTo(1);
        assertThat(read.json().path("version").asLong()).isEqualTo(1);
        assertThat(read.json().path("milestones")).hasSize(1);
    }
}
