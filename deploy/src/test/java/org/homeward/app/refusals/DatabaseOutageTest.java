package org.homeward.app.refusals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.homeward.access.Role;
import org.homeward.app.HomewardApplication;
import org.homeward.app.support.Api;
import org.homeward.app.support.PrivatePostgres;
import org.homeward.app.support.SyntheticJourneys;
import org.homeward.app.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away under a running application, cleanly and as in a crash: every answer meanwhile is 503
 * with Retry-After, readiness is DOWN, and once the database is back readiness is UP and writes succeed, without
 * a restart. Against a PostgreSQL of the test's own, never the shared one.
 */
@SpringBootTest(classes = HomewardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"homeward.projections.progress-interval=200ms",
                              "homeward.integrity.keeper-interval=200ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTest {

    private static PrivatePostgres postgres;
    private static final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @DynamicPropertySource
    static void privateDatabase(DynamicPropertyRegistry registry) {
        postgres = PrivatePostgres.start();
        registry.add("spring.datasource.url", postgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("management.server.port", () -> "0");
        registry.add("homeward.access.local-key-file", TestUsers.KEY_FILE::toString);
        registry.add("homeward.privacy.master-key-file", TestUsers.MASTER_KEY_FILE::toString);
    }

    @AfterAll
    static void removeDatabase() {
        if (postgres != null) {
            postgres.destroy();
        }
    }

    @Test
    void whileTheDatabaseIsAwayEveryAnswerIs503AndWritesResumeWhenItIsBack(CapturedOutput log) throws Exception {
        Api api = TestUsers.as(port, Role.SUPERVISOR, "sv-test", SyntheticJourneys.ORGANISATION);
        String journey = api.post("/api/v1/journeys", intake()).text("journeyId");
        assertThat(readiness()).isEqualTo(200);

        for (String mode : List.of("fast", "immediate")) {
            postgres.stop(mode);

            List<HttpResponse<String>> answers = duringOutage(api, journey);
            assertThat(answers).as(mode).allSatisfy(answer -> {
                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
            });
            for (int probe = 0; probe < 3; probe++) {
                assertThat(readiness()).as(mode).isEqualTo(503);
            }
            int logged = log.getOut().length();
            // a round fails once its wait for a connection is over (Hikari's connection timeout, 3 s)
            Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                      .until(() -> log.getOut().substring(logged)
                                      .contains("the database is unavailable, trying again next round"));
            assertThat(log.getOut().substring(logged)).as("scheduled rounds failing for want of the database")
                                                      .doesNotContain("Unexpected error occurred in scheduled task");

            postgres.startAgain();
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                      .until(() -> readiness() == 200);
            assertThat(api.post("/api/v1/journeys/" + journey + "/milestones",
                                milestone("SHELTER_ENTERED", INTAKE, null)).status()).as(mode).isEqualTo(201);
        }
    }

    /** Writes and reads at once, as a client under load would send them. */
    private List<HttpResponse<String>> duringOutage(Api api, String journey) throws Exception {
        String token = TestUsers.token(Role.SUPERVISOR, "sv-test", SyntheticJourneys.ORGANISATION);
        String open = "{\"organisationId\":\"org-test\",\"caseManagerId\":\"cm-test\",\"intakeDate\":\"" + INTAKE
                      + "\",\"profile\":{\"ageBand\":\"FROM_18_TO_24\",\"gender\":\"FEMALE\",\"nationality\":"
                      + "\"NG\",\"formOfExploitation\":\"SEXUAL\"}}";
        String record = "{\"type\":\"SHELTER_ENTERED\",\"occurredOn\":\"" + INTAKE + "\"}";
        List<HttpRequest> requests = List.of(
                post("/api/v1/journeys", open, token), post("/api/v1/journeys", open, token),
                post("/api/v1/journeys/" + journey + "/milestones", record, token),
                post("/api/v1/journeys/" + journey + "/milestones", record, token),
                get("/api/v1/journeys/" + journey + "/timeline", token),
                get("/api/v1/journeys/" + journey + "/timeline?minVersion=5", token),
                get("/api/v1/programs", token), get("/api/v1/journeys/" + journey + "/history", token),
                // refusals kept for auditors: one that cannot be kept is not given either
                post("/api/v1/journeys/" + journey + "/milestones", record,
                     TestUsers.token(Role.SUPERVISOR, "sv-other", "org-other")),
                post("/api/v1/journeys/" + journey + "/milestones", record,
                     TestUsers.token(Role.AUDITOR, "au-test", SyntheticJourneys.ORGANISATION)));
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<HttpResponse<String>>> sent = requests.stream().map(request -> pool.submit(
                    () -> client.send(request, HttpResponse.BodyHandlers.ofString()))).toList();
            List<HttpResponse<String>> answers = new java.util.ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** As an orchestrator probes: an answer later than a second (Kubernetes' default) counts as none. */
    private int readiness() throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                                                             + "/actuator/health/readiness"))
                                      .timeout(Duration.ofMillis(1500)).build(),
                           HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest post(String path, String body, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                          .timeout(Duration.ofSeconds(15))
                          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                          .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(15)).GET().build();
    }
}
