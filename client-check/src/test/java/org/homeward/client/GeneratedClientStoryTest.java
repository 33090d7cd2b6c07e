package org.homeward.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.homeward.access.Role;
import org.homeward.app.support.HttpTest;
import org.homeward.app.support.SyntheticJourneys;
import org.homeward.app.support.TestUsers;
import org.homeward.client.api.JourneysApi;
import org.homeward.client.model.AgeBand;
import org.homeward.client.model.ConsentPurpose;
import org.homeward.client.model.FormOfExploitation;
import org.homeward.client.model.Gender;
import org.homeward.client.model.Milestone;
import org.homeward.client.model.MilestoneRequest;
import org.homeward.client.model.MilestoneType;
import org.homeward.client.model.OpenJourneyRequest;
import org.homeward.client.model.Problem;
import org.homeward.client.model.ProfileRequest;
import org.homeward.client.model.Recorded;
import org.homeward.client.model.Status;
import org.homeward.client.model.Timeline;
import org.junit.jupiter.api.Test;

/**
 * An integrator's first story, told only through the client openapi-generator made from the committed document:
 * the guarantees the README promises (a safe retry, a stale version refused, a typed timeline) hold for a client
 * that sets headers and reads answers the documented way.
 */
class GeneratedClientStoryTest extends HttpTest {

    private static final LocalDate INTAKE = LocalDate.of(2026, 1, 12);

    @Test
    void aRetriedMilestoneIsRecordedOnceAStaleVersionIsRefusedAndTheTimelineReadsAsObjects() throws Exception {
        JourneysApi supervisor = journeys(Role.SUPERVISOR, "sv-test");
        JourneysApi caseManager = journeys(Role.CASE_MANAGER, "cm-test");

        ApiResponse<Recorded> opened = supervisor.openWithHttpInfo(new OpenJourneyRequest()
                .organisationId(SyntheticJourneys.ORGANISATION).caseManagerId("cm-test").intakeDate(INTAKE)
                .profile(new ProfileRequest().ageBand(AgeBand.FROM_18_TO_24).gender(Gender.FEMALE)
                                             .nationality("MD").formOfExploitation(FormOfExploitation.SEXUAL))
                .consentGiven(Set.of(ConsentPurpose.CASE_MANAGEMENT)), UUID.randomUUID().toString(), null, "api");
        assertThat(opened.getStatusCode()).isEqualTo(201);
        UUID journey = opened.getData().getJourneyId();
        String openedVersion = etag(opened);

        MilestoneRequest shelter = new MilestoneRequest().type(MilestoneType.SHELTER_ENTERED).occurredOn(INTAKE)
                                                         .note("placed in the city shelter");
        String key = UUID.randomUUID().toString();
        ApiResponse<Recorded> first = caseManager.recordMilestoneWithHttpInfo(journey, shelter, key, openedVersion,
                                                                              "story-1", null);
        // a retry as after a lost answer: the very same request
        ApiResponse<Recorded> retry = caseManager.recordMilestoneWithHttpInfo(journey, shelter, key, openedVersion,
                                                                              "story-1", null);
        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(retry.getStatusCode()).isEqualTo(first.getStatusCode());
        assertThat(retry.getData()).isEqualTo(first.getData());
        assertThat(etag(retry)).isEqualTo(etag(first));

        ApiException stale = catchThrowableOfType(ApiException.class, () -> caseManager.recordMilestone(
                journey, new MilestoneRequest().type(MilestoneType.SHELTER_EXITED).occurredOn(INTAKE.plusDays(30)),
                UUID.randomUUID().toString(), openedVersion, "story-2", null));
        assertThat(stale.getCode()).isEqualTo(412);
        Problem problem = new ApiClient().getObjectMapper().readValue(stale.getResponseBody(), Problem.class);
        assertThat(problem.getType()).hasToString("urn:homeward:problem:stale-version");
        assertThat(problem.getStatus()).isEqualTo(412);

        Timeline timeline = supervisor.timeline(journey, first.getData().getVersion(), null, null, null, null);
        assertThat(timeline.getJourneyId()).isEqualTo(journey);
        assertThat(timeline.getStatus()).isEqualTo(Status.OPEN);
        assertThat(timeline.getProfile().getGender()).isEqualTo(Gender.FEMALE);
        assertThat(timeline.getVersion()).isEqualTo(first.getData().getVersion());
        assertThat(timeline.getMilestones()).as("the retry and the stale request recorded nothing").hasSize(1);
        Milestone recorded = timeline.getMilestones().get(0);
        assertThat(recorded.getMilestoneId()).isEqualTo(first.getData().getMilestoneId());
        assertThat(recorded.getType()).isEqualTo(MilestoneType.SHELTER_ENTERED);
        assertThat(recorded.getOccurredOn()).isEqualTo(INTAKE);
        assertThat(recorded.getNote()).isEqualTo("placed in the city shelter");
    }

    /** The journeys API as a signed-in member of staff; the client sends the token on every request. */
    private JourneysApi journeys(Role role, String userId) {
        String token = TestUsers.token(role, userId, SyntheticJourneys.ORGANISATION);
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return new JourneysApi(client);
    }

    private static String etag(ApiResponse<?> response) {
        return response.getHeaders().get("etag").get(0);
    }
}
