package org.homeward.app.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.homeward.access.Role;
import org.homeward.app.HomewardApplication;
import org.homeward.query.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port against its own fresh PostgreSQL database: each test class gets a new
 * database and a new application, so classes never see each other's journeys.
 */
@SpringBootTest(classes = HomewardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class HttpTest {

    @Autowired
    private Environment environment;

    @Autowired
    protected JdbcTemplate jdbc;

    /** A supervisor of {@code org-test}, the organisation of {@link SyntheticJourneys#intake()}. */
    protected Api api;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        String url = TestDatabases.create();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        // health and metrics on a random port of their own, as the application has them on 8081
        registry.add("management.server.port", () -> "0");
        registry.add("homeward.access.local-key-file", TestUsers.KEY_FILE::toString);
        registry.add("homeward.privacy.master-key-file", TestUsers.MASTER_KEY_FILE::toString);
    }

    @BeforeEach
    void connectClient() {
        api = as(Role.SUPERVISOR, "sv-test", SyntheticJourneys.ORGANISATION);
    }

    /** The API as another synthetic member of staff sees it. */
    protected Api as(Role role, String userId, String organisationId) {
        return TestUsers.as(port(), role, userId, organisationId);
    }

    /** The API without signing in. */
    protected Api anonymous() {
        return new Api(port(), null);
    }

    /** Health and metrics, on the management port, which takes no token. */
    protected Api management() {
        return new Api(environment.getRequiredProperty("local.management.port", Integer.class), null);
    }

    protected int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    protected long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** Waits until the named projections are not rebuilding and have applied every stored event. */
    protected void awaitCaughtUp(String... projections) {
        Api admin = as(Role.ADMINISTRATOR, "admin-test", SyntheticJourneys.ORGANISATION);
        List<String> names = List.of(projections);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                  .until(() -> admin.get("/api/v1/admin/projections").json().valueStream()
                                    .filter(p -> names.contains(p.path("projection").asString()))
                                    .allMatch(p -> !p.path("rebuilding").asBoolean()
                                                   && p.path("behind").asLong() == 0));
    }

    /** Opens a synthetic journey and answers its id. */
    protected String openJourney(Map<String, Object> intake) {
        Api.Reply reply = api.post("/api/v1/journeys", intake);
        if (reply.status() != 201) {
            throw new AssertionError("could not open a journey: " + reply);
        }
        return reply.text("journeyId");
    }
}
