package org.homeward.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.util.Map;
import java.util.UUID;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;

/**
 * Write access is decided from the journey itself and refused when in doubt: a journey the owners' directory has
 * lost is not open to staff of another organisation, who learn nothing about it.
 */
class WriteAccessTest extends HttpTest {

    @Test
    void journeyMissingFromTheDirectoryIsNotOpenToAnotherOrganisation() {
        String journey = openJourney(intake());
        jdbc.update("delete from journey_directory where journey_id = ?::uuid", journey);
        Api outsider = as(Role.SUPERVISOR, "sv-other", "org-other");
        long before = storedEvents();

        Reply transfer = outsider.post("/api/v1/journeys/" + journey + "/transfer",
                                       Map.of("organisationId", "org-other", "caseManagerId", "cm-other",
                                              "reason", "synthetic"));
        Reply record = outsider.post("/api/v1/journeys/" + journey + "/milestones",
                                     milestone("SHELTER_ENTERED", INTAKE, "synthetic note"));

        assertThat(transfer.status()).isEqualTo(404);
        assertThat(record.status()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anotherOrganisationCannotTellAnErasedJourneyFromNone() {
        String journey = openJourney(intake());
        api.post("/api/v1/journeys/" + journey + "/erasure", Map.of("requestedOn", INTAKE.toString()));
        Api outsider = as(Role.SUPERVISOR, "sv-other", "org-other");

        Reply erased = outsider.post("/api/v1/journeys/" + journey + "/milestones",
                                     milestone("SHELTER_ENTERED", INTAKE, "synthetic note"));
        Reply none = outsider.post("/api/v1/journeys/" + UUID.randomUUID() + "/milestones",
                                   milestone("SHELTER_ENTERED", INTAKE, "synthetic note"));

        assertThat(erased.status()).isEqualTo(404);
        assertThat(erased.body().replace(journey, "ID")).isEqualTo(none.body().replaceAll(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID"));
    }
}
