package org.homeward.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;
import static org.homeward.app.support.SyntheticJourneys.with;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every bad request gets a problem naming the field and the reason, and records nothing. */
class BadInputTest extends HttpTest {

    private String journey;
    private long eventsBefore;

    @BeforeEach
    void openJourneyToSpoil() {
        journey = openJourney(intake());
        eventsBefore = storedEvents();
    }

    @Test
    void missingFieldsAreEachNamed() {
        Reply reply = api.post("/api/v1/journeys/" + journey + "/milestones", Map.of());

        assertProblem(reply, 400, "occurredOn", "is required");
        assertThat(fields(reply)).containsExactly("occurredOn", "type");
    }

    @Test
    void unknownMilestoneTypeListsTheAllowedOnes() {
        Reply reply = api.post("/api/v1/journeys/" + journey + "/milestones",
                               milestone("GOT_A_NEW_PHONE", INTAKE, null));

        assertProblem(reply, 400, "type", "must be one of [IDENTIFIED_AS_PRESUMED_VICTIM");
        assertThat(reply.body()).doesNotContain("GOT_A_NEW_PHONE");
    }

    @Test
    void futureMilestoneDateIsRefused() {
        Reply reply = api.post("/api/v1/journeys/" + journey + "/milestones",
                               milestone("HOUSING_SECURED", LocalDate.now().plusDays(3), null));

        assertProblem(reply, 400, "occurredOn", "must not be in the future");
    }

    @Test
    void futureIntakeDateIsRefused() {
        Reply reply = api.post("/api/v1/journeys", with(intake(), "intakeDate", LocalDate.now().plusDays(3)));

        assertProblem(reply, 400, "intakeDate", "must not be in the future");
    }

    @Test
    void malformedJsonIsRefused() {
        Reply reply = api.postRaw("/api/v1/journeys/" + journey + "/milestones", "{\"type\": \"SHELTER_ENTERED\",");

        assertProblem(reply, 400, "body", "is not well-formed JSON");
    }

    @Test
    void badDateIsRefused() {
        Reply reply = api.post("/api/v1/journeys/" + journey + "/milestones",
                               Map.of("type", "SHELTER_ENTERED", "occurredOn", "12/01/2026"));

        assertProblem(reply, 400, "occurredOn", "must be a date written as YYYY-MM-DD");
    }

    @Test
    void unknownFieldIsRefusedRatherThanIgnored() {
        Reply reply = api.post("/api/v1/journeys/" + journey + "/milestones",
                               with(milestone("SHELTER_ENTERED", INTAKE, null), "ocurredOn", "2026-01-12"));

        assertProblem(reply, 400, "body", "has a field that is not part of this request; its fields are [note,"
                                          + " occurredOn, outcome, programId, type]");
        assertThat(reply.body()).doesNotContain("ocurredOn");
    }

    @Test
    void nestedProfileFieldsAreNamedWithTheirPath() {
        Reply reply = api.post("/api/v1/journeys",
                               with(intake(), "profile", Map.of("ageBand", "FROM_18_TO_24", "gender", "FEMALE",
                                                                "nationality", "XX",
                                                                "formOfExploitation", "SEXUAL")));

        assertProblem(reply, 400, "profile.nationality", "ISO 3166-1 alpha-2");
    }

    @Test
    void overlongNoteIsRefused() {
        Reply reply = api.post("/api/v1/journeys/" + journey + "/milestones",
                               milestone("SHELTER_ENTERED", INTAKE, "x".repeat(2001)));

        assertProblem(reply, 400, "note", "at most 2000 characters");
    }

    @Test
    void unknownJourneyIsNotFound() {
        String unknown = "/api/v1/journeys/" + UUID.randomUUID();

        assertThat(api.post(unknown + "/milestones", milestone("SHELTER_ENTERED", INTAKE, null)).status())
                .isEqualTo(404);
        assertThat(api.get(unknown + "/timeline").status()).isEqualTo(404);
        assertThat(api.post(unknown + "/closure", Map.of("reason", "OTHER", "closedOn", INTAKE.toString())).status())
                .isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void journeyIdThatIsNoUuidIsNamed() {
        Reply reply = api.post("/api/v1/journeys/not-a-journey/milestones", milestone("SHELTER_ENTERED", INTAKE, null));

        assertProblem(reply, 400, "journeyId", "must be a UUID");
    }

    private void assertProblem(Reply reply, int status, String field, String reason) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("errors").valueStream()
                          .filter(error -> error.path("field").asString().equals(field))
                          .map(error -> error.path("reason").asString()))
                .anySatisfy(actual -> assertThat(actual).contains(reason));
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    private static java.util.List<String> fields(Reply reply) {
        return reply.json().path("errors").valueStream().map(error -> error.path("field").asString()).toList();
    }
}
