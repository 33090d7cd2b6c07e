package org.homeward.app.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;
import static org.homeward.app.support.SyntheticJourneys.with;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An organisation defines its programs; case managers enrol people in the active ones only. */
class ProgramsTest extends HttpTest {

    @Test
    void programsAreListedPerOrganisationAndRetiredOnesOnlyOnRequest() {
        String bakery = define("org-programs-a", "Bakery apprenticeship", "VOCATIONAL_TRAINING", 12);
        String literacy = define("org-programs-a", "Adult literacy", "EDUCATION", null);
        define("org-programs-b", "Other organisation's course", "VOCATIONAL_TRAINING", 5);
        admin("org-programs-a").post("/api/v1/programs/" + literacy + "/retirement", Map.of("reason", "funding ended"));
        admin("org-programs-a").post("/api/v1/programs/" + bakery + "/changes",
                 Map.of("name", "Bakery and pastry apprenticeship", "kind", "VOCATIONAL_TRAINING", "capacity", 15));

        JsonNode active = eventually("/api/v1/programs?organisationId=org-programs-a",
                                     list -> list.size() == 1 && list.get(0).path("capacity").asInt() == 15);
        assertThat(active.get(0).path("programId").asString()).isEqualTo(bakery);
        assertThat(active.get(0).path("name").asString()).isEqualTo("Bakery and pastry apprenticeship");
        assertThat(active.get(0).path("active").asBoolean()).isTrue();

        JsonNode all = api.get("/api/v1/programs?organisationId=org-programs-a&includeRetired=true").json();
        assertThat(all.valueStream().map(p -> p.path("name").asString()))
                .containsExactly("Adult literacy", "Bakery and pastry apprenticeship");
    }

    @Test
    void trainingMilestonesNameAnActiveProgramOfTheJourneysOrganisation() {
        String own = define("org-test", "Sewing course", "VOCATIONAL_TRAINING", null);
        String retired = define("org-test", "Closed course", "VOCATIONAL_TRAINING", null);
        admin("org-test").post("/api/v1/programs/" + retired + "/retirement", Map.of("reason", "ended"));
        String foreign = define("org-elsewhere", "Their course", "VOCATIONAL_TRAINING", null);
        String journey = openJourney(intake());
        String milestones = "/api/v1/journeys/" + journey + "/milestones";
        long before = storedEvents();

        Reply withoutProgram = api.post(milestones, milestone("TRAINING_ENROLLED", INTAKE, null));
        Reply unknownProgram = api.post(milestones, with(milestone("TRAINING_ENROLLED", INTAKE, null), "programId",
                                                         UUID.randomUUID().toString()));
        Reply retiredProgram = api.post(milestones, with(milestone("TRAINING_ENROLLED", INTAKE, null), "programId",
                                                         retired));
        Reply foreignProgram = api.post(milestones, with(milestone("TRAINING_ENROLLED", INTAKE, null), "programId",
                                                         foreign));
        assertThat(withoutProgram.status()).isEqualTo(400);
        assertThat(withoutProgram.json().path("errors").get(0).path("field").asString()).isEqualTo("programId");
        assertThat(unknownProgram.status()).isEqualTo(400);
        assertThat(retiredProgram.status()).isEqualTo(409);
        assertThat(foreignProgram.status()).isEqualTo(409);
        assertThat(storedEvents()).isEqualTo(before);

        Reply enrolled = api.post(milestones, with(milestone("TRAINING_ENROLLED", INTAKE, null), "programId", own));
        assertThat(enrolled.status()).isEqualTo(201);
        JsonNode timeline = api.get("/api/v1/journeys/" + journey + "/timeline?minVersion=1").json();
        assertThat(timeline.path("milestones").get(0).path("programId").asString()).isEqualTo(own);
    }

    @Test
    void retiredProgramCannotBeChanged() {
        String program = define("org-test", "Pilot", "OTHER", null);
        admin("org-test").post("/api/v1/programs/" + program + "/retirement", Map.of("reason", "pilot over"));

        Reply change = admin("org-test").post("/api/v1/programs/" + program + "/changes",
                                Map.of("name", "Pilot 2", "kind", "OTHER"));

        assertThat(change.status()).isEqualTo(409);
    }

    @Test
    void catalogueListsEveryMilestoneTypeWithItsAreaAndNeeds() {
        JsonNode types = api.get("/api/v1/milestone-types").json();

        assertThat(types.size()).isGreaterThanOrEqualTo(30);
        JsonNode employment = types.valueStream()
                                   .filter(t -> t.path("type").asString().equals("EMPLOYMENT_STARTED"))
                                   .findFirst().orElseThrow();
        assertThat(employment.path("area").asString()).isEqualTo("EMPLOYMENT_AND_INCOME");
        assertThat(employment.path("pillar").asString()).isEqualTo("SOCIAL_INCLUSION");
        assertThat(employment.path("needs").asString()).isEqualTo("EMPLOYMENT");
        assertThat(types.valueStream().map(t -> t.path("area").asString()).distinct()).hasSize(15);
    }

    private String define(String organisationId, String name, String kind, Integer capacity) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("organisationId", organisationId, "name", name,
                                                                  "kind", kind));
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        Reply reply = admin(organisationId).post("/api/v1/programs", body);
        assertThat(reply.status()).isEqualTo(201);
        return reply.text("programId");
    }

    @Test
    void administratorsManageTheirOwnOrganisationsProgramsOnly() {
        String theirs = define("org-elsewhere", "Their course", "OTHER", null);

        Reply defineForOthers = admin("org-test").post("/api/v1/programs",
                                                       Map.of("organisationId", "org-elsewhere", "name", "Mine",
                                                              "kind", "OTHER"));
        Reply retireOthers = admin("org-test").post("/api/v1/programs/" + theirs + "/retirement",
                                                    Map.of("reason", "not mine"));
        Reply byCaseManager = as(Role.CASE_MANAGER, "cm-test", "org-test")
                .post("/api/v1/programs", Map.of("organisationId", "org-test", "name", "Mine", "kind", "OTHER"));

        assertThat(defineForOthers.status()).isEqualTo(403);
        assertThat(retireOthers.status()).isEqualTo(404);
        assertThat(byCaseManager.status()).isEqualTo(403);
    }

    private Api admin(String organisationId) {
        return as(Role.ADMINISTRATOR, "admin-" + organisationId, organisationId);
    }

    private JsonNode eventually(String path, java.util.function.Predicate<JsonNode> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                         .until(() -> api.get(path).json(), done::test);
    }
}
