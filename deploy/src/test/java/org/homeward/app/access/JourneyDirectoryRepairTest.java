package org.homeward.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.util.Map;
import org.homeward.access.Role;
import org.homeward.app.support.HomewardProcess;
import org.homeward.query.support.TestDatabases;
import org.junit.jupiter.api.Test;

/** A journey whose row the owners' directory lost is refused until the next start restores it from the events. */
class JourneyDirectoryRepairTest {

    @Test
    void lostRowIsRestoredFromTheJourneysOwnEventsAtStart() {
        String database = TestDatabases.create();
        String journey;
        try (HomewardProcess before = new HomewardProcess(database)) {
            journey = before.as(Role.SUPERVISOR).post("/api/v1/journeys", intake()).text("journeyId");
            before.as(Role.SUPERVISOR).post("/api/v1/journeys/" + journey + "/transfer", Map.of(
                    "organisationId", "org-next", "caseManagerId", "cm-next", "reason", "synthetic"));
            before.jdbc().update("delete from journey_directory where journey_id = ?::uuid", journey);
            assertThat(before.as(Role.SUPERVISOR).post("/api/v1/journeys/" + journey + "/milestones",
                                                       milestone("SHELTER_ENTERED", INTAKE, null)).status())
                    .as("refused while unknown").isEqualTo(404);
        }

        try (HomewardProcess after = new HomewardProcess(database)) {
            assertThat(after.jdbc().queryForMap(
                    "select organisation_id, case_manager_id from journey_directory where journey_id = ?::uuid",
                    journey)).containsEntry("organisation_id", "org-next").containsEntry("case_manager_id", "cm-next");
        }
    }
}
