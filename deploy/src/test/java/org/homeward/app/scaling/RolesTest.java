package org.homeward.app.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HomewardProcess;
import org.homeward.query.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An operator runs the write side and the read side as separate processes on one database: each starts, serves
 * its own endpoints, keeps its own refusals for the auditors, and what one records the other shows.
 */
class RolesTest {

    private static HomewardProcess commands;
    private static HomewardProcess queries;

    @BeforeAll
    static void startBothRoles() {
        String database = TestDatabases.create();
        commands = new HomewardProcess(database, "homeward.role=command");
        // polling only hourly: what the command process appends reaches the projections by notification
        queries = new HomewardProcess(database, "homeward.role=query", "homeward.event-store.poll-interval=1h");
    }

    @AfterAll
    static void stop() {
        commands.close();
        queries.close();
    }

    @Test
    void eachRoleIsReady() {
        assertThat(commands.management().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(queries.management().get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void whatTheCommandProcessRecordsTheQueryProcessShows() {
        Api writer = commands.as(Role.SUPERVISOR);
        Reply opened = writer.post("/api/v1/journeys", intake());
        String journey = opened.text("journeyId");
        Reply recorded = writer.post("/api/v1/journeys/" + journey + "/milestones",
                                     milestone("SHELTER_ENTERED", INTAKE, null));

        Reply timeline = queries.as(Role.SUPERVISOR).get("/api/v1/journeys/" + journey + "/timeline?minVersion="
                                                         + recorded.json().path("version").asLong());

        assertThat(opened.status()).isEqualTo(201);
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.json().path("milestones").get(0).path("type").asString()).isEqualTo("SHELTER_ENTERED");
    }

    @Test
    void eachRoleServesOnlyItsOwnSide() {
        assertThat(queries.as(Role.SUPERVISOR).post("/api/v1/journeys", intake()).status()).isIn(404, 405);
        assertThat(commands.as(Role.SUPERVISOR).get("/api/v1/milestone-types").status()).isEqualTo(404);
    }

    @Test
    void aCommandOnlyProcessKeepsItsRefusalsForTheAuditors() {
        Reply refused = commands.anonymous().post("/api/v1/journeys", intake());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(commands.jdbc().queryForObject("select coalesce(sum(refusals), 0) from audit_denial_count"
                                                  + " where route = '/api/v1/journeys'", Long.class))
                .isEqualTo(1);
    }
}
