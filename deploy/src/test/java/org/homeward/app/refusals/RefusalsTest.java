package org.homeward.app.refusals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.homeward.access.Role;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.homeward.app.support.RawHttp;
import org.homeward.app.support.SyntheticJourneys;
import org.homeward.app.support.TestUsers;
import org.homeward.command.Submission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Whatever can refuse a request decides before its command is sent, and every refusal, Tomcat's own included,
 * is problem+json naming the field, never a 500, never the value sent, and records nothing.
 */
class RefusalsTest extends HttpTest {

    private static final String MARKER = "Zq7Marker";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private String journey;
    private long eventsBefore;

    @BeforeEach
    void openJourney() {
        journey = openJourney(intake());
        eventsBefore = storedEvents();
    }

    @Test
    void anAnswerTheClientCannotAcceptIsRefusedBeforeAnythingIsRecorded() {
        for (String accept : List.of("application/xml", "text/csv", "image/png")) {
            Reply opened = api.post("/api/v1/journeys", intake(), Map.of("Accept", accept));
            Reply recorded = api.post("/api/v1/journeys/" + journey + "/milestones",
                                      milestone("SHELTER_ENTERED", INTAKE, null), Map.of("Accept", accept));

            assertThat(List.of(opened.status(), recorded.status())).as(accept).containsOnly(406);
            assertThat(opened.contentType()).startsWith("application/problem+json");
            assertThat(storedEvents()).as(accept).isEqualTo(eventsBefore);
        }
    }

    @Test
    void everyEndpointThatSendsCommandsAnswersJsonOnly() {
        List<Set<MediaType>> produced = mappings.getHandlerMethods().entrySet().stream()
                .filter(mapping -> List.of(mapping.getValue().getMethod().getParameterTypes())
                                       .contains(Submission.class))
                .map(mapping -> mapping.getKey().getProducesCondition().getProducibleMediaTypes())
                .toList();

        assertThat(produced).hasSizeGreaterThan(15).allSatisfy(types ->
                assertThat(types).containsExactly(MediaType.APPLICATION_JSON));
    }

    @Test
    void badInputIsAProblemNamingTheFieldNeverAServerError() {
        String supervisor = "Authorization: Bearer " + TestUsers.token(Role.SUPERVISOR, "sv-test",
                                                                          SyntheticJourneys.ORGANISATION);
        String auditor = "Authorization: Bearer " + TestUsers.token(Role.AUDITOR, "au-test",
                                                                       SyntheticJourneys.ORGANISATION);
        String journeys = "POST /api/v1/journeys HTTP/1.1\r\n" + supervisor + "\r\nContent-Type: application/json";
        byte[] intake = json("{\"organisationId\":\"org-test\",\"caseManagerId\":\"cm-test\",\"intakeDate\":\""
                             + INTAKE + "\",\"profile\":{\"ageBand\":\"FROM_18_TO_24\",\"gender\":\"FEMALE\","
                             + "\"nationality\":\"NG\",\"formOfExploitation\":\"SEXUAL\"}}");
        String timeline = "GET /api/v1/journeys/" + journey + "/timeline";

        // UTF-8 bytes of a euro sign, as Tomcat reads them (ISO-8859-1)
        assertRefused(journeys + "\r\nIdempotency-Key: k\u00e2\u0082\u00ac", intake, 400, "Idempotency-Key");
        assertRefused("POST /api/v1/journeys HTTP/1.1\r\n" + supervisor + "\r\nContent-Type: */*", intake, 415,
                      "Content-Type");
        assertRefused(journeys, json("null"), 400, "body");
        assertRefused(timeline + "?purpose=" + MARKER + "%00 HTTP/1.1\r\n" + supervisor, null, 400, "purpose");
        assertRefused(timeline + "?purpose=%zz%" + MARKER + " HTTP/1.1\r\n" + supervisor, null, 400, "query");
        assertRefused(timeline + "?asOf=%2B294277-01-01T00:00:00Z HTTP/1.1\r\n" + supervisor, null, 400, "asOf");
        assertRefused("GET /api/v1/audit/events?from=%2B294277-01-01T00:00:00Z HTTP/1.1\r\n" + auditor, null, 400,
                      "from");
        assertRefused("GET /api/v1/audit/events?actorId=" + MARKER + "%00 HTTP/1.1\r\n" + auditor, null, 400,
                      "actorId");
        assertRefused("POST /api/v1/journeys/" + journey + "/follow-ups HTTP/1.1\r\n" + supervisor
                      + "\r\nContent-Type: application/json",
                      json("{\"dueOn\":\"+294277-01-01\",\"purpose\":\"HOME_VISIT\"}"), 400, "dueOn");
        assertRefused("POST /api/v1/journeys/" + journey + "/milestones HTTP/1.1\r\n" + supervisor
                      + "\r\nContent-Type: application/json",
                      json("{\"type\":\"SHELTER_ENTERED\",\"occurredOn\":\"" + INTAKE + "\",\"note\":\"" + MARKER
                           + "\\u0000\"}"), 400, "note");
        assertRefused("POST /api/v1/journeys/" + journey + "/milestones HTTP/1.1\r\n" + supervisor
                      + "\r\nContent-Type: application/json",
                      json("{\"type\":\"SHELTER_ENTERED\",\"occurredOn\":\"" + INTAKE + "\",\"" + MARKER + "\":1}"),
                      400, "body");
        for (String path : List.of("/api/v1/journeys/%00" + MARKER, "/api/v1/journeys/%ZZ" + MARKER,
                                   "/api/v1/journeys/..%2F" + MARKER)) {
            assertRefused("GET " + path + "/timeline HTTP/1.1\r\n" + supervisor, null, 400, null);
        }
    }

    @Test
    void anotherOrganisationsTimelineIsRefusedAtOnceNotAfterWaitingForIt() {
        awaitCaughtUp("timeline");
        long started = System.nanoTime();
        Reply reply = as(Role.SUPERVISOR, "sv-elsewhere", "org-elsewhere")
                .get("/api/v1/journeys/" + journey + "/timeline?minVersion=99");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    private void assertRefused(String head, byte[] body, int status, String field) {
        RawHttp.Answer answer = RawHttp.send(port(), head, body);

        assertThat(answer.status()).as(head).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(head).startsWith("application/problem+json");
        assertThat(answer.body()).as(head).doesNotContain(MARKER).doesNotContain("Exception").doesNotContain("\tat ");
        if (field != null) {
            assertThat(answer.body()).as(head).contains("\"field\":\"" + field + "\"");
        }
        assertThat(storedEvents()).as(head).isEqualTo(eventsBefore);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
