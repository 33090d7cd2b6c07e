package org.homeward.app.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.intake;

import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;

/** What an operator's probes, scrapers and API clients rely on. */
class OperationsTest extends HttpTest {

    @Test
    void livenessAndReadinessIncludingTheDatabaseAreUpOnTheManagementPort() {
        Reply liveness = management().get("/actuator/health/liveness");
        Reply readiness = management().get("/actuator/health/readiness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
    }

    @Test
    void prometheusExposesAxonMetricsOnTheManagementPortWithoutAToken() {
        openJourney(intake());

        Reply metrics = management().get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("commandBus_").contains("eventStore_").contains("hikaricp_connections")
                                  .contains("homeward_projection_events_total{")
                                  .contains("homeward_projection_latency_milliseconds{");
    }

    @Test
    void theApiPortServesNoHealthOrMetricsAndTheManagementPortNothingElse() {
        Api administrator = as(Role.ADMINISTRATOR, "admin-test", "org-test");
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/health/readiness"}) {
            assertThat(administrator.get(path).status()).as(path).isIn(403, 404);
        }
        for (String path : new String[] {"/api/v1/programs", "/v3/api-docs", "/actuator/env", "/actuator/beans"}) {
            Reply reply = management().get(path);
            assertThat(reply.status()).as(path).isIn(401, 403, 404);
            assertThat(reply.body()).as(path).doesNotContain("homeward.").doesNotContain("\"paths\"");
        }
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
