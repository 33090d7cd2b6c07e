package org.homeward.app.refusals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.homeward.access.Role;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.homeward.app.support.SyntheticJourneys;
import org.homeward.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * One signed-in client sending request bodies one byte every two seconds over 200 connections (as many as the
 * server has worker threads), behind the trusted proxy, does not keep other clients from being answered, and the
 * server closes every one of its connections within its configured bounds.
 */
class SlowClientsTest extends HttpTest {

    private static final int SLOW_CLIENTS = 200;
    private static final Duration TRICKLE = Duration.ofSeconds(2);

    @Value("${homeward.http.body-read-timeout}")
    private Duration bodyReadTimeout;

    @Value("${server.tomcat.connection-timeout}")
    private Duration connectionTimeout;

    private record Slow(Socket socket, long[] closedAt) {
    }

    @Test
    void tricklingClientsAreClosedAndOthersStillAnswered() throws Exception {
        String journey = openJourney(SyntheticJourneys.intake());
        String token = TestUsers.token(Role.SUPERVISOR, "sv-test", SyntheticJourneys.ORGANISATION);
        long started = System.nanoTime();
        List<Slow> slow = new ArrayList<>();
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            Socket socket = new Socket("127.0.0.1", port());
            socket.setSoTimeout(1);
            String head = "POST /api/v1/journeys/" + journey + "/milestones HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          + "Authorization: Bearer " + token + "\r\nX-Forwarded-For: 203.0.113.7\r\n"
                          + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            slow.add(new Slow(socket, new long[] {0}));
        }

        long stored = storedEvents();
        Reply oneMore = api.post("/api/v1/journeys/" + journey + "/milestones",
                                 SyntheticJourneys.milestone("SHELTER_ENTERED", SyntheticJourneys.INTAKE, null),
                                 Map.of("X-Forwarded-For", "203.0.113.7"));
        assertThat(oneMore.status()).as("the slow client's next request").isEqualTo(429);
        assertThat(oneMore.contentType()).startsWith("application/problem+json");
        assertThat(oneMore.text("type")).isEqualTo("urn:homeward:problem:too-many-requests");
        assertThat(oneMore.header("Retry-After")).isNotNull();
        assertThat(storedEvents()).isEqualTo(stored);

        List<Duration> normal = new ArrayList<>();
        Duration bound = bodyReadTimeout.plus(connectionTimeout).plus(TRICKLE);
        while (slow.stream().anyMatch(client -> client.closedAt()[0] == 0)
               && Duration.ofNanos(System.nanoTime() - started).compareTo(bound.plusSeconds(10)) < 0) {
            long asked = System.nanoTime();
            assertThat(api.get("/api/v1/milestone-types").status()).isEqualTo(200);
            normal.add(Duration.ofNanos(System.nanoTime() - asked));
            for (Slow client : slow) {
                trickle(client, started);
            }
            Thread.sleep(TRICKLE.toMillis());
        }
        slow.forEach(client -> close(client.socket()));

        assertThat(normal).allSatisfy(took -> assertThat(took).isLessThan(Duration.ofSeconds(2)));
        assertThat(slow).allSatisfy(client -> assertThat(client.closedAt()[0]).as("closed by the server")
                .isPositive().isLessThan(bound.plusSeconds(1).toNanos()));
    }

    /** Sends one more byte unless the server has closed the connection, and notes when it did. */
    private static void trickle(Slow client, long started) {
        if (client.closedAt()[0] != 0) {
            return;
        }
        try {
            InputStream answer = client.socket().getInputStream();
            byte[] buffer = new byte[4096];
            while (true) {
                try {
                    if (answer.read(buffer) < 0) {
                        client.closedAt()[0] = System.nanoTime() - started;
                        return;
                    }
                } catch (SocketTimeoutException stillOpen) {
                    break;
                }
            }
            client.socket().getOutputStream().write(' ');
        } catch (IOException reset) {
            client.closedAt()[0] = System.nanoTime() - started;
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
