package org.homeward.app.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.with;

import java.time.LocalDate;
import java.util.Map;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.HttpTest;
import org.homeward.app.support.SyntheticJourneys;
import org.homeward.query.outcomes.OutcomesReplica;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A replica configured for outcomes that does not answer (nothing listens on its port): the evaluator still gets
 * the figures, from the primary. That outcomes are read on a replica that answers is shown by deploy/cluster's run
 * ({@code ClusterRunTest}: the replica's sessions of the outcomes pool).
 */
@TestPropertySource(properties = "homeward.outcomes.replica-url=jdbc:postgresql://127.0.0.1:1/homeward")
class OutcomesReplicaDownTest extends HttpTest {

    /** The replica's pool, which the outcome queries were given: without it this test would prove nothing. */
    @Autowired(required = false)
    OutcomesReplica replica;

    @Test
    void outcomesComeFromThePrimaryWhileTheReplicaIsDown() {
        assertThat(replica).as("outcome queries are configured to read on the replica").isNotNull();
        String organisation = "org-replica-down";
        Api manager = as(Role.SUPERVISOR, "sv-replica-down", organisation);
        for (int i = 0; i < 11; i++) {
            Map<String, Object> intake = with(SyntheticJourneys.intake(organisation, "cm-replica-down"),
                                              "intakeDate", LocalDate.of(2026, 5, 1 + i).toString());
            assertThat(manager.post("/api/v1/journeys", intake).status()).isEqualTo(201);
        }
        awaitCaughtUp("outcomes");

        for (int attempt = 0; attempt < 2; attempt++) {      // the first finds the replica down, the next skips it
            var answer = as(Role.EVALUATOR, "ev-replica-down", "org-funder")
                    .get("/api/v1/outcomes?cohort=month&organisation=" + organisation);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().path("rows").get(0).path("figures").path("journeys").asInt()).isEqualTo(11);
        }
    }
}
