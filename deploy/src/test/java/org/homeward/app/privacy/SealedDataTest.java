package org.homeward.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.util.Map;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;

/**
 * Personal data is opened because of the field it is in, never because of what a value looks like: a value that
 * merely looks sealed is refused as an id, and one that does not open costs the reader only that value.
 */
class SealedDataTest extends HttpTest {

    @Test
    void idThatLooksLikeSealedDataIsRefused() {
        String journey = openJourney(intake());
        long before = storedEvents();

        Reply reply = api.post("/api/v1/journeys/" + journey + "/assessments", Map.of(
                "assessedOn", INTAKE.toString(), "assessorId", "enc:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "scores", Map.of("economic", 1, "social", 2, "psychosocial", 3)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("assessorId");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void damagedSealedValueReadsAsUnreadableAndTheRestOfTheTimelineStillAnswers() {
        String journey = openJourney(intake());
        long version = api.post("/api/v1/journeys/" + journey + "/milestones",
                                milestone("SHELTER_ENTERED", INTAKE, "synthetic note"))
                          .json().path("version").asLong();
        api.get("/api/v1/journeys/" + journey + "/timeline?minVersion=" + version);
        jdbc.update("update timeline_milestone set note = 'enc:v1:bm90IHNlYWxlZA==' where journey_id = ?::uuid",
                    journey);

        Reply timeline = api.get("/api/v1/journeys/" + journey + "/timeline");

        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.json().path("milestones").get(0).path("note").asString()).isEqualTo("[unreadable]");
        assertThat(timeline.json().path("milestones").get(0).path("type").asString()).isEqualTo("SHELTER_ENTERED");
    }
}
