package org.homeward.app.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A supervisor's decision on a possible duplicate goes to both journeys, also when the client sends an
 * Idempotency-Key, as every client is told to. The decision is two commands under one request; the key must make
 * the request happen once, not make the second journey's command answer the first's result and record nothing.
 */
class DecisionWithIdempotencyKeyTest extends HttpTest {

    private static final String ORGANISATION = "org-dup-keyed";

    @Test
    void aConfirmationSentWithAnIdempotencyKeyIsRecordedOnBothJourneys() {
        Api supervisor = as(Role.SUPERVISOR, "sv-dup-keyed", ORGANISATION);
        String one = openAs(supervisor, "Nadia Cojocaru", "1997-05-14");
        String two = openAs(supervisor, "COJOCARU Nadia", "1997-05-14");
        JsonNode pair = supervisor.get("/api/v1/possible-duplicates").json().path("inOrganisation").get(0);
        assertThat(pair.path("journeyId").asString()).isEqualTo(two);
        String possibleDuplicate = pair.path("possibleDuplicateId").asString();

        Reply confirmed = supervisor.post("/api/v1/possible-duplicates/" + possibleDuplicate + "/confirmation",
                                          Map.of(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(confirmed.status()).isEqualTo(200);

        assertThat(decisions(supervisor, two)).as("on the later journey").isEqualTo(1);
        assertThat(decisions(supervisor, one)).as("on the earlier journey too").isEqualTo(1);
        assertThat(supervisor.get("/api/v1/possible-duplicates").json().path("inOrganisation"))
                .as("decided on both, no longer pending").isEmpty();
    }

    /** The SamePersonConfirmed events in the journey's history. */
    private static long decisions(Api supervisor, String journey) {
        Reply history = supervisor.get("/api/v1/journeys/" + journey + "/history");
        assertThat(history.status()).isEqualTo(200);
        return history.json().path("changes").valueStream()
                      .filter(change -> change.path("eventType").asString().equals("SamePersonConfirmed")).count();
    }

    private static String openAs(Api supervisor, String fullName, String dateOfBirth) {
        Map<String, Object> body = new LinkedHashMap<>(intake(ORGANISATION, "cm-dup-keyed"));
        body.put("person", Map.of("fullName", fullName, "dateOfBirth", dateOfBirth));
        Reply opened = supervisor.post("/api/v1/journeys", body);
        assertThat(opened.status()).isEqualTo(201);
        return opened.text("journeyId");
    }
}
