package org.homeward.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;
import static org.homeward.app.support.SyntheticJourneys.with;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One synthetic person's whole journey, from identification to a reopened case, as case managers in two
 * organisations record it; then the timeline is read back field by field.
 */
class WholeJourneyTest extends HttpTest {

    private String journey;
    private long version;
    /** who records: a supervisor of the organisation that has the journey */
    private Api recorder;

    @Test
    void timelineTellsTheWholeJourney() {
        String bakery = program("org-harbour", "Bakery apprenticeship", "VOCATIONAL_TRAINING");
        String literacy = program("org-harbour", "Adult literacy", "EDUCATION");
        recorder = as(Role.CASE_MANAGER, "cm-lena", "org-harbour");
        journey = post("/api/v1/journeys", intake("org-harbour", "cm-lena")).text("journeyId");
        String base = "/api/v1/journeys/" + journey;

        record("IDENTIFIED_AS_PRESUMED_VICTIM", -5);
        record("REFERRED_IN", -2);
        record("INTAKE_INTERVIEW_HELD", 0);
        record("SHELTER_ENTERED", 0);
        record("NEEDS_ASSESSMENT_COMPLETED", 1);
        record("RISK_ASSESSMENT_COMPLETED", 1);
        record("SAFETY_PLAN_AGREED", 2);
        record("MEDICAL_CHECKUP_DONE", 3);
        record("RECOVERY_AND_REFLECTION_PERIOD_GRANTED", 4);
        record("MEDICAL_TREATMENT_STARTED", 5);
        record("COUNSELLING_STARTED", 7);
        record("LEGAL_COUNSEL_ASSIGNED", 10);
        record("SUPPORT_GROUP_JOINED", 14);
        String complaint = record("COMPLAINT_FILED", 20);
        record("IDENTITY_DOCUMENTS_OBTAINED", 30);
        recordWith("EDUCATION_ENROLLED", 35, Map.of("programId", literacy));
        recordWith("TRAINING_ENROLLED", 40, Map.of("programId", bakery));
        record("MEDICAL_TREATMENT_COMPLETED", 45);
        record("FAMILY_CONTACT_RESTORED", 50);
        record("RESIDENCE_STATUS_REGULARISED", 60);
        String shelterExit = record("SHELTER_EXITED", 92);
        record("HOUSING_SECURED", 90);
        recordWith("TRAINING_COMPLETED", 100, Map.of("programId", bakery));
        recordWith("EMPLOYMENT_STARTED", 110, Map.of("outcome", Map.of("employmentSector", "HOSPITALITY_AND_FOOD",
                                                                       "regularIncome", true)));
        record("COUNSELLING_COMPLETED", 115);
        record("FOLLOW_UP_VISIT_HELD", 120);
        record("EXIT_PLAN_AGREED", 125);

        post(base + "/milestones/" + shelterExit + "/corrections",
             Map.of("type", "SHELTER_EXITED", "occurredOn", day(90).toString(), "reason", "exit date mistyped"));
        post(base + "/milestones/" + complaint + "/retraction", Map.of("reason", "complaint was never filed"));

        post(base + "/consents", consent("RESEARCH", null, 3));
        post(base + "/consents", consent("SHARING_WITH_PARTNER", "org-legal-clinic", 10));
        post(base + "/consent-withdrawals", consent("PROGRAM_EVALUATION", null, 70));

        post(base + "/assessments", assessment(1, 2, 2, 1));
        post(base + "/assessments", assessment(120, 4, 4, 3));

        String visit = post(base + "/follow-ups", Map.of("dueOn", day(128).toString(), "purpose", "HOME_VISIT"))
                .text("followUpId");
        post(base + "/follow-ups/" + visit + "/completion", Map.of("completedOn", day(128).toString()));

        post(base + "/transfer", Map.of("organisationId", "org-bridge", "caseManagerId", "cm-omar",
                                        "reason", "moved to the partner's region"));
        assertThat(recorder.post(base + "/follow-ups", Map.of("dueOn", day(129).toString(), "purpose", "OTHER"))
                           .status()).as("the old case manager has lost the journey").isEqualTo(404);
        recorder = as(Role.SUPERVISOR, "sv-bridge", "org-bridge");
        post(base + "/assignment", Map.of("caseManagerId", "cm-nadia", "reason", "caseload balancing"));
        post(base + "/closure", Map.of("reason", "REINTEGRATED", "closedOn", day(130).toString()));
        post(base + "/reopening", Map.of("reopenedOn", day(135).toString(), "reason", "new safety concern"));
        String overdue = post(base + "/follow-ups", Map.of("dueOn", day(140).toString(), "purpose", "PHONE_CHECK_IN"))
                .text("followUpId");

        JsonNode timeline = as(Role.CASE_MANAGER, "cm-nadia", "org-bridge")
                .get(base + "/timeline?minVersion=" + version).json();

        assertThat(timeline.path("version").asLong()).isEqualTo(version).isEqualTo(41);
        assertThat(timeline.path("status").asString()).isEqualTo("OPEN");
        assertThat(timeline.path("closedOn").isNull()).isTrue();
        assertThat(timeline.path("organisationId").asString()).isEqualTo("org-bridge");
        assertThat(timeline.path("caseManagerId").asString()).isEqualTo("cm-nadia");
        assertThat(timeline.path("intakeDate").asString()).isEqualTo(INTAKE.toString());

        JsonNode milestones = timeline.path("milestones");
        assertThat(milestones).hasSize(27);
        List<String> dates = milestones.valueStream().map(m -> m.path("occurredOn").asString()).toList();
        assertThat(dates).isSorted();
        assertThat(milestones.get(0).path("type").asString()).isEqualTo("IDENTIFIED_AS_PRESUMED_VICTIM");
        assertThat(milestones.valueStream().map(m -> m.path("area").asString()).distinct()).hasSize(15);

        JsonNode exit = find(milestones, "milestoneId", shelterExit);
        assertThat(exit.path("occurredOn").asString()).isEqualTo(day(90).toString());
        assertThat(exit.path("revisions")).hasSize(2);
        assertThat(exit.path("revisions").get(0).path("occurredOn").asString()).isEqualTo(day(92).toString());
        assertThat(exit.path("revisions").get(1).path("correctionReason").asString()).isEqualTo("exit date mistyped");
        JsonNode retracted = find(milestones, "milestoneId", complaint);
        assertThat(retracted.path("retracted").asBoolean()).isTrue();
        assertThat(retracted.path("retractionReason").asString()).isEqualTo("complaint was never filed");
        assertThat(find(milestones, "type", "TRAINING_COMPLETED").path("programId").asString()).isEqualTo(bakery);
        JsonNode employment = find(milestones, "type", "EMPLOYMENT_STARTED").path("outcome");
        assertThat(employment.path("employmentSector").asString()).isEqualTo("HOSPITALITY_AND_FOOD");
        assertThat(employment.path("regularIncome").asBoolean()).isTrue();

        JsonNode consents = timeline.path("consents");
        assertThat(consents).hasSize(4);
        assertThat(find(consents, "purpose", "CASE_MANAGEMENT").path("inForce").asBoolean()).isTrue();
        JsonNode evaluation = find(consents, "purpose", "PROGRAM_EVALUATION");
        assertThat(evaluation.path("inForce").asBoolean()).isFalse();
        assertThat(evaluation.path("givenOn").asString()).isEqualTo(INTAKE.toString());
        assertThat(evaluation.path("withdrawnOn").asString()).isEqualTo(day(70).toString());
        assertThat(find(consents, "purpose", "RESEARCH").path("givenOn").asString()).isEqualTo(day(3).toString());
        assertThat(find(consents, "purpose", "SHARING_WITH_PARTNER").path("partnerOrganisationId").asString())
                .isEqualTo("org-legal-clinic");

        JsonNode followUps = timeline.path("followUps");
        assertThat(followUps).hasSize(2);
        assertThat(followUps.get(0).path("followUpId").asString()).isEqualTo(visit);
        assertThat(followUps.get(0).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(followUps.get(0).path("overdue").asBoolean()).isFalse();
        assertThat(followUps.get(1).path("followUpId").asString()).isEqualTo(overdue);
        assertThat(followUps.get(1).path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(followUps.get(1).path("overdue").asBoolean()).isTrue();

        JsonNode assessments = timeline.path("assessments");
        assertThat(assessments).hasSize(2);
        assertThat(assessments.get(0).path("baseline").asBoolean()).isTrue();
        assertThat(assessments.get(0).path("scores").path("psychosocial").asInt()).isEqualTo(1);
        assertThat(assessments.get(1).path("baseline").asBoolean()).isFalse();
        assertThat(assessments.get(1).path("scores").path("economic").asInt()).isEqualTo(4);

        assertThat(timeline.path("caseHistory").valueStream().map(a -> a.path("kind").asString() + ":"
                                                                       + a.path("organisationId").asString() + ":"
                                                                       + a.path("caseManagerId").asString()))
                .containsExactly("INTAKE:org-harbour:cm-lena", "TRANSFERRED:org-bridge:cm-omar",
                                 "ASSIGNED:org-bridge:cm-nadia");
        assertThat(timeline.path("statusChanges").valueStream().map(s -> s.path("status").asString() + ":"
                                                                         + s.path("changedOn").asString()))
                .containsExactly("CLOSED:" + day(130), "OPEN:" + day(135));
    }

    private String record(String type, int day) {
        return recordWith(type, day, Map.of());
    }

    private String recordWith(String type, int day, Map<String, Object> extra) {
        Map<String, Object> body = milestone(type, day(day), "synthetic note about " + type.toLowerCase());
        for (Map.Entry<String, Object> field : extra.entrySet()) {
            body = with(body, field.getKey(), field.getValue());
        }
        return post("/api/v1/journeys/" + journey + "/milestones", body).text("milestoneId");
    }

    private Reply post(String path, Object body) {
        Reply reply = recorder.post(path, body);
        assertThat(reply.status()).as(path + " answered " + reply.body()).isIn(200, 201);
        if (reply.json().has("version")) {
            version = reply.json().path("version").asLong();
        }
        return reply;
    }

    private String program(String organisationId, String name, String kind) {
        return as(Role.ADMINISTRATOR, "admin-" + organisationId, organisationId)
                .post("/api/v1/programs", Map.of("organisationId", organisationId, "name", name, "kind", kind))
                .text("programId");
    }

    private static Map<String, Object> consent(String purpose, String partner, int day) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("purpose", purpose);
        if (partner != null) {
            body.put("partnerOrganisationId", partner);
        }
        body.put("decidedOn", day(day).toString());
        return body;
    }

    private static Map<String, Object> assessment(int day, int economic, int social, int psychosocial) {
        return Map.of("assessedOn", day(day).toString(), "assessorId", "cm-lena",
                      "scores", Map.of("economic", economic, "social", social, "psychosocial", psychosocial));
    }

    private static LocalDate day(int daysAfterIntake) {
        return INTAKE.plusDays(daysAfterIntake);
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        return list.valueStream().filter(node -> node.path(field).asString().equals(value)).findFirst()
                   .orElseThrow(() -> new AssertionError("no " + field + " = " + value));
    }
}
