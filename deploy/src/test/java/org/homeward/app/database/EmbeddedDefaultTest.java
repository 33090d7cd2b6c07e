package org.homeward.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.homeward.app.HomewardApplication;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.SyntheticJourneys;
import org.homeward.app.support.TestUsers;
import org.homeward.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * With no database configured the application runs on its embedded PostgreSQL, as root or not (CI runs this as
 * root), and what it recorded is still there after a restart: events are replayed into the journey, and the
 * timeline is kept. At each start it says, once, that it runs on the embedded database and where its data is,
 * never the database's passwords.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDefaultTest {

    /** Where the application keeps homeward-data and homeward-keys. */
    @TempDir
    Path home;

    @Test
    void journeySurvivesRestartOfApplicationOnEmbeddedDatabase(CapturedOutput output) throws IOException {
        String journey;
        String timelineBefore;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            journey = api.post("/api/v1/journeys", intake()).text("journeyId");
            api.post("/api/v1/journeys/" + journey + "/milestones", milestone("INTAKE_INTERVIEW_HELD", INTAKE, null));
            api.post("/api/v1/journeys/" + journey + "/milestones", milestone("SHELTER_ENTERED", INTAKE, null));
            timelineBefore = api.get("/api/v1/journeys/" + journey + "/timeline?minVersion=2").body();
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            assertThat(api.get("/api/v1/journeys/" + journey + "/timeline").body()).isEqualTo(timelineBefore);

            Reply next = api.post("/api/v1/journeys/" + journey + "/milestones",
                                  milestone("MEDICAL_CHECKUP_DONE", INTAKE.plusDays(1), null));
            assertThat(next.status()).isEqualTo(201);
            assertThat(next.json().path("version").asLong()).as("the journey was rebuilt from its 3 events")
                                                            .isEqualTo(3);
            Reply closure = api.post("/api/v1/journeys/" + journey + "/closure",
                                     Map.of("reason", "OTHER", "closedOn", INTAKE.plusDays(2).toString()));
            assertThat(closure.status()).isEqualTo(200);
            assertThat(api.get("/api/v1/journeys/" + journey + "/timeline?minVersion=4").json()
                          .path("milestones")).hasSize(3);
        }

        String dataIn = ", data in " + home.resolve("homeward-data");
        assertThat(output.getAll().lines().filter(line -> line.contains("Database: embedded PostgreSQL on 127.0.0.1:")
                                                          && line.endsWith(dataIn)))
                .as("one line per start").hasSize(2);
        for (String passwordFile : new String[] {EmbeddedDatabase.SUPERUSER_PASSWORD_FILE,
                                                 EmbeddedDatabase.APPLICATION_PASSWORD_FILE}) {
            assertThat(output.getAll()).doesNotContain(Files.readString(home.resolve("homeward-keys")
                                                                            .resolve(passwordFile)).strip());
        }
    }

    /**
     * The application's role owns no table: whatever the application does besides recording and reading (a
     * timeline as known on a date, history, erasure, rebuilds, verification) works with the rights it has.
     */
    @Test
    void everyKindOfWorkRunsWithTheApplicationsRights() {
        try (ConfigurableApplicationContext context = start()) {
            Api api = api(context);
            String journey = "/api/v1/journeys/" + api.post("/api/v1/journeys", intake()).text("journeyId");
            api.post(journey + "/milestones", milestone("SHELTER_ENTERED", INTAKE, null));
            Api admin = as(context, Role.ADMINISTRATOR);
            for (JsonNode projection : admin.get("/api/v1/admin/projections").json()) {
                String name = projection.path("projection").asString();
                assertThat(admin.post("/api/v1/admin/projections/" + name + "/rebuild", Map.of()).status())
                        .as("rebuild of %s", name).isEqualTo(202);
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/v1/admin/projections")
                    .json().valueStream().allMatch(p -> !p.path("rebuilding").asBoolean()
                                                        && p.path("behind").asLong() == 0));

            assertThat(api.get(journey + "/timeline?minVersion=1").json().path("milestones")).hasSize(1);
            assertThat(api.get(journey + "/timeline?asOf=" + Instant.now()).status()).isEqualTo(200);
            assertThat(api.get(journey + "/history").status()).isEqualTo(200);
            assertThat(api.post(journey + "/erasure", Map.of("requestedOn", INTAKE.plusDays(1).toString())).status())
                    .isEqualTo(200);
            Reply verified = as(context, Role.AUDITOR).postRaw("/api/v1/audit/verify", "");
            assertThat(verified.status()).isEqualTo(200);
            // the embedded database's disk, for the alert rule on it (deploy/monitoring/alerts.yml)
            Api management = new Api(context.getEnvironment().getRequiredProperty("local.management.port",
                                                                                   Integer.class), null);
            assertThat(management.get("/actuator/prometheus").body())
                    .containsPattern("(?m)^homeward_embedded_database_disk_used\\{[^}]*} 0\\.\\d+");
        }
    }

    private ConfigurableApplicationContext start() {
        // as command-line arguments, which outrank application.yml (builder properties would not)
        return new SpringApplicationBuilder(HomewardApplication.class)
                .run("--server.port=0", "--management.server.port=0", "--logging.level.org.homeward.app.database=INFO",
                     "--homeward.embedded-database.directory=" + home.resolve("homeward-data"),
                     "--homeward.embedded-database.keys-directory=" + home.resolve("homeward-keys"),
                     "--homeward.access.local-key-file=" + TestUsers.KEY_FILE,
                     "--homeward.privacy.master-key-file=" + home.resolve("homeward-keys/master.key"));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return as(context, Role.SUPERVISOR);
    }

    private static Api as(ConfigurableApplicationContext context, Role role) {
        return TestUsers.as(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class),
                            role, "staff-test", SyntheticJourneys.ORGANISATION);
    }
}
