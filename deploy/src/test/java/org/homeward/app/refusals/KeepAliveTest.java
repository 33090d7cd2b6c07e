package org.homeward.app.refusals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.homeward.access.Role;
import org.homeward.app.support.HttpTest;
import org.homeward.app.support.RawHttp;
import org.homeward.app.support.RawHttp.Answer;
import org.homeward.app.support.SyntheticJourneys;
import org.homeward.app.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A kept-alive connection either serves the next request or the answer before said {@code Connection: close}:
 * whatever became of the request's body (read, refused unread, ignored by the endpoint), a client reusing its
 * connection never finds it closed under its next request. Clients such as the JDK's do not retry a POST that
 * meets a closed connection.
 */
class KeepAliveTest extends HttpTest {

    private static final String MILESTONE = """
            {"type":"SHELTER_ENTERED","occurredOn":"2026-01-12"}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            recorded                   | SUPERVISOR    | milestones          | application/json | MILESTONE | 201
            malformed body             | SUPERVISOR    | milestones          | application/json | {         | 400
            signed out                 |               | milestones          | application/json | MILESTONE | 401
            not permitted              | AUDITOR       | milestones          | application/json | MILESTONE | 403
            not acceptable             | SUPERVISOR    | milestones          | application/xml  | MILESTONE | 406
            body ignored               | ADMINISTRATOR | rebuild             | application/json | {}        | 202
            large body ignored         | ADMINISTRATOR | rebuild             | application/json | LARGE     | 202
            large body refused         | AUDITOR       | milestones          | application/json | LARGE     | 403
            """)
    void theNextRequestIsServedOrTheAnswerSaidClose(String situation, Role role, String target, String accept,
                                                    String body, int status) {
        String journey = openJourney(SyntheticJourneys.intake());
        String path = target.equals("rebuild") ? "/api/v1/admin/projections/timeline/rebuild"
                : "/api/v1/journeys/" + journey + "/milestones";
        String authorization = role == null ? ""
                : "\r\nAuthorization: Bearer " + TestUsers.token(role, "staff-" + role, SyntheticJourneys.ORGANISATION);
        byte[] bytes = switch (body) {
            case "MILESTONE" -> MILESTONE.getBytes(StandardCharsets.UTF_8);
            case "LARGE" -> ("{\"padding\":\"" + "x".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
            default -> body.getBytes(StandardCharsets.UTF_8);
        };

        try (RawHttp.Connection connection = new RawHttp.Connection(port())) {
            Answer first = connection.send("POST " + path + " HTTP/1.1\r\nContent-Type: application/json\r\nAccept: "
                                           + accept + authorization, bytes);
            assertThat(first.status()).as(situation).isEqualTo(status);

            if ("close".equalsIgnoreCase(first.header("Connection"))) {
                assertThat(connection.closedByServer()).as("closed as the answer said").isTrue();
            } else {
                Answer next = connection.send("GET /api/v1/milestone-types HTTP/1.1\r\nAccept: application/json"
                                              + authorization, null);
                assertThat(next.status()).as("the next request on the kept-alive connection")
                                         .isEqualTo(role == null ? 401 : 200);
            }
        }
    }
}
