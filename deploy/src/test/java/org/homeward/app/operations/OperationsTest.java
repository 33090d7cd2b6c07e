package org.homeward.app.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.intake;

import org.homeward.access.Role;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;

/** What an operator's probes, scrapers and API clients rely on. */
class OperationsTest extends HttpTest {

    @Test
    void livenessAndReadinessIncludingTheDatabaseAreUp() {
        Reply liveness = anonymous().get("/actuator/health/liveness");
        Reply readiness = anonymous().get("/actuator/health/readiness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
    }

    @Test
    void prometheusExposesAxonMetrics() {
        openJourney(intake());

        Reply metrics = as(Role.ADMINISTRATOR, "admin-test", "org-test").get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("commandBus_").contains("eventStore_").contains("hikaricp_connections")
                                  .contains("homeward_projection_events_total{")
                                  .contains("homeward_projection_latency_milliseconds{");
    }

    @Test
    void openApiDescribesTheJourneyEndpoints() {
        Reply docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames())
                .contains("/api/v1/journeys", "/api/v1/journeys/{journeyId}/milestones",
                          "/api/v1/journeys/{journeyId}/timeline");
    }

    @Test
    void pathWithoutARuleIsRefusedAsAProblem() {
        Reply reply = api.get("/api/v1/nothing-here");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
