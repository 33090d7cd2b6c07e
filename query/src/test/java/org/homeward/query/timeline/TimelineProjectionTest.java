package org.homeward.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.homeward.journey.CaseManagerAssigned;
import org.homeward.journey.ClosureReason;
import org.homeward.journey.ConsentPurpose;
import org.homeward.journey.ConsentWithdrawn;
import org.homeward.journey.FindTimeline;
import org.homeward.journey.FollowUpMissed;
import org.homeward.journey.FollowUpPurpose;
import org.homeward.journey.FollowUpScheduled;
import org.homeward.journey.JourneyClosed;
import org.homeward.journey.JourneyOpened;
import org.homeward.journey.JourneyReopened;
import org.homeward.journey.JourneyTransferred;
import org.homeward.journey.MilestoneCorrected;
import org.homeward.journey.MilestoneRecorded;
import org.homeward.journey.MilestoneRetracted;
import org.homeward.journey.MilestoneType;
import org.homeward.journey.PersonalDataErased;
import org.homeward.journey.PersonalDetails;
import org.homeward.journey.PossibleDuplicateDismissed;
import org.homeward.journey.Profile;
import org.homeward.journey.ReintegrationAssessed;
import org.homeward.journey.ReintegrationScores;
import org.homeward.journey.RiskFlagResolved;
import org.homeward.journey.RiskFlagged;
import org.homeward.journey.RiskKind;
import org.homeward.journey.SamePersonConfirmed;
import org.homeward.journey.Timeline;
import org.homeward.query.QuerySettings;
import org.homeward.query.support.GivenEvents;
import org.homeward.query.support.ReadModelDatabase;
import org.homeward.refusal.RefusalKind;
import org.homeward.refusal.Refusal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Given a journey's events, its timeline: milestones as they stand with every revision, consents, follow-ups,
 * risk flags, the case history and the status changes; personal data gone after erasure; a read for a version not yet
 * applied waits for it, and one for a journey nobody opened is refused as unknown.
 */
class TimelineProjectionTest {

    private static final LocalDate INTAKE = LocalDate.of(2026, 1, 12);
    private static final Profile PROFILE = new Profile(Profile.AgeBand.FROM_25_TO_34, Profile.Gender.FEMALE, "NG",
                                                       Profile.FormOfExploitation.SEXUAL);
    /** Stands for sealed text: the projection keeps what the events hold and never opens it. */
    private static final PersonalDetails PERSON = new PersonalDetails("enc:v1:name", "enc:v1:phone", null, null);

    private static TimelineQueries timelines;
    private static GivenEvents events;

    @BeforeAll
    static void database() {
        JdbcTemplate jdbc = ReadModelDatabase.fresh();
        timelines = new TimelineQueries(jdbc, new JdbcTransactionManager(jdbc.getDataSource()),
                                        Clock.fixed(INTAKE.plusDays(100).atStartOfDay().toInstant(ZoneOffset.UTC),
                                                    ZoneOffset.UTC),
                                        mock(EventProcessingConfiguration.class),
                                        new QuerySettings(new QuerySettings.Timeline(Duration.ofSeconds(1)), null));
        events = new GivenEvents(new TimelineProjection(jdbc));
    }

    @Test
    void milestonesStandAsCorrectedWithEveryRevisionAndRetractionsShow() throws Exception {
        UUID journey = opened();
        UUID shelter = UUID.randomUUID();
        UUID checkup = UUID.randomUUID();
        events.given(new MilestoneRecorded(journey, shelter, MilestoneType.SHELTER_ENTERED, INTAKE, "enc:v1:n1",
                                           null, null),
                     new MilestoneRecorded(journey, checkup, MilestoneType.MEDICAL_CHECKUP_DONE, INTAKE.plusDays(3),
                                           null, null, null),
                     new MilestoneCorrected(journey, shelter, MilestoneType.SHELTER_ENTERED, INTAKE.plusDays(1),
                                            "enc:v1:n2", null, null, "enc:v1:why"),
                     new MilestoneRetracted(journey, checkup, "enc:v1:wrong"));

        Timeline timeline = timelines.handle(new FindTimeline(journey, events.version(journey)));

        assertThat(timeline.version()).isEqualTo(4);
        Timeline.Milestone corrected = milestone(timeline, shelter);
        assertThat(corrected.occurredOn()).isEqualTo(INTAKE.plusDays(1));
        assertThat(corrected.note()).isEqualTo("enc:v1:n2");
        assertThat(corrected.revisions()).extracting(Timeline.Revision::version).containsExactly(1L, 3L);
        assertThat(corrected.revisions().get(1).correctionReason()).isEqualTo("enc:v1:why");
        Timeline.Milestone retracted = milestone(timeline, checkup);
        assertThat(retracted.retracted()).isTrue();
        assertThat(retracted.retractionReason()).isEqualTo("enc:v1:wrong");
    }

    @Test
    void statusCaseHistoryConsentsAndFollowUpsFollowTheEvents() throws Exception {
        UUID journey = opened();
        UUID visit = UUID.randomUUID();
        events.given(new FollowUpScheduled(journey, visit, INTAKE.plusDays(20), FollowUpPurpose.HOME_VISIT),
                     new FollowUpMissed(journey, visit, "enc:v1:away"),
                     new ConsentWithdrawn(journey, ConsentPurpose.PROGRAM_EVALUATION, null, INTAKE.plusDays(21),
                                          "cm-t"),
                     new CaseManagerAssigned(journey, "cm-t2", "cm-t", "enc:v1:balance"),
                     new JourneyTransferred(journey, "org-t", "org-t2", "cm-t3", "enc:v1:moved"),
                     new JourneyClosed(journey, INTAKE.plusDays(60), ClosureReason.LOST_CONTACT, null),
                     new JourneyReopened(journey, INTAKE.plusDays(70), "enc:v1:back"),
                     new ReintegrationAssessed(journey, UUID.randomUUID(), INTAKE.plusDays(71), "cm-t3",
                                               new ReintegrationScores(2, 4, 3), true));

        Timeline timeline = timelines.handle(new FindTimeline(journey, events.version(journey)));

        assertThat(timeline.status()).isEqualTo(Timeline.Status.OPEN);
        assertThat(timeline.assessments()).singleElement().satisfies(assessment -> {
            assertThat(assessment.scores()).isEqualTo(new ReintegrationScores(2, 4, 3));
            assertThat(assessment.baseline()).isTrue();
        });
        assertThat(timeline.organisationId()).isEqualTo("org-t2");
        assertThat(timeline.caseManagerId()).isEqualTo("cm-t3");
        assertThat(timeline.caseHistory()).extracting(Timeline.CaseAssignment::kind).containsExactly(
                Timeline.AssignmentKind.INTAKE, Timeline.AssignmentKind.ASSIGNED, Timeline.AssignmentKind.TRANSFERRED);
        assertThat(timeline.statusChanges()).extracting(Timeline.StatusChange::status)
                                            .containsExactly(Timeline.Status.CLOSED, Timeline.Status.OPEN);
        assertThat(timeline.followUps()).singleElement().satisfies(followUp -> {
            assertThat(followUp.status()).isEqualTo(Timeline.FollowUpStatus.MISSED);
            assertThat(followUp.missedReason()).isEqualTo("enc:v1:away");
        });
        assertThat(timeline.consents()).filteredOn(consent -> consent.purpose() == ConsentPurpose.PROGRAM_EVALUATION)
                                       .singleElement().satisfies(consent -> assertThat(consent.inForce()).isFalse());
    }

    /** The timeline's today is intake + 100 days. */
    @Test
    void riskFlagsShowOpenOverdueAndResolved() throws Exception {
        UUID journey = opened();
        UUID overdue = UUID.randomUUID();
        UUID resolved = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        events.given(new RiskFlagged(journey, overdue, RiskKind.TRAFFICKER_CONTACT, INTAKE.plusDays(2),
                                     INTAKE.plusDays(30), "enc:v1:seen"),
                     new RiskFlagged(journey, resolved, RiskKind.MEDICAL_URGENCY, INTAKE.plusDays(3),
                                     INTAKE.plusDays(10), null),
                     new RiskFlagResolved(journey, resolved, INTAKE.plusDays(8), "enc:v1:treated"),
                     new RiskFlagged(journey, open, RiskKind.CHILD_IN_HOUSEHOLD, INTAKE.plusDays(4),
                                     INTAKE.plusDays(200), null));

        Timeline timeline = timelines.handle(new FindTimeline(journey, events.version(journey)));

        assertThat(timeline.riskFlags()).containsExactly(
                new Timeline.RiskFlag(overdue, RiskKind.TRAFFICKER_CONTACT, INTAKE.plusDays(2), INTAKE.plusDays(30),
                                      "enc:v1:seen", true, true, null, null),
                new Timeline.RiskFlag(resolved, RiskKind.MEDICAL_URGENCY, INTAKE.plusDays(3), INTAKE.plusDays(10),
                                      null, false, false, INTAKE.plusDays(8), "enc:v1:treated"),
                new Timeline.RiskFlag(open, RiskKind.CHILD_IN_HOUSEHOLD, INTAKE.plusDays(4), INTAKE.plusDays(200),
                                      null, true, false, null, null));
        assertThat(timeline.version()).isEqualTo(4);
    }

    @Test
    void aConfirmedLinkShowsTheOtherJourneyAndADismissalOnlyAdvancesTheVersion() throws Exception {
        UUID journey = opened();
        UUID same = UUID.randomUUID();
        UUID different = UUID.randomUUID();
        events.given(new PossibleDuplicateDismissed(journey, different, "sv-t"),
                     new SamePersonConfirmed(journey, same, "sv-t"));

        Timeline timeline = timelines.handle(new FindTimeline(journey, events.version(journey)));

        assertThat(timeline.linkedJourneys()).containsExactly(new Timeline.LinkedJourney(same, "sv-t", 2));
        assertThat(timeline.version()).isEqualTo(2);
    }

    @Test
    void erasureLeavesNoPersonalDataInTheTimeline() throws Exception {
        UUID journey = opened();
        UUID flag = UUID.randomUUID();
        events.given(new MilestoneRecorded(journey, UUID.randomUUID(), MilestoneType.SHELTER_ENTERED, INTAKE,
                                           "enc:v1:note", null, null),
                     new RiskFlagged(journey, flag, RiskKind.SAFETY_RISK, INTAKE, INTAKE.plusDays(7),
                                     "enc:v1:detail"),
                     new RiskFlagResolved(journey, flag, INTAKE.plusDays(1), "enc:v1:reason"),
                     new PersonalDataErased(journey, INTAKE.plusDays(5)));

        Timeline timeline = timelines.handle(new FindTimeline(journey, events.version(journey)));

        assertThat(timeline.personalDataErased()).isTrue();
        assertThat(timeline.toString()).doesNotContain("enc:v1:");
    }

    @Test
    void aReadForAVersionNotYetAppliedWaitsAndAnUnknownJourneyIsRefused() {
        UUID journey = opened();

        assertThatThrownBy(() -> timelines.handle(new FindTimeline(journey, 5)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.kind())
                        .isEqualTo(RefusalKind.NOT_YET));
        assertThatThrownBy(() -> timelines.handle(new FindTimeline(UUID.randomUUID(), -1)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.kind())
                        .isEqualTo(RefusalKind.UNKNOWN));
    }

    @Test
    void eventsDeliveredAgainChangeNothing() throws Exception {
        UUID journey = opened();
        UUID shelter = UUID.randomUUID();
        MilestoneRecorded recorded = new MilestoneRecorded(journey, shelter, MilestoneType.SHELTER_ENTERED, INTAKE,
                                                           null, null, null);
        JourneyClosed closed = new JourneyClosed(journey, INTAKE.plusDays(9), ClosureReason.OTHER, null);
        events.given(recorded, closed, new JourneyReopened(journey, INTAKE.plusDays(10), "enc:v1:back"));
        Timeline before = timelines.handle(new FindTimeline(journey, events.version(journey)));

        events.again(recorded, 1).again(closed, 2);

        assertThat(timelines.handle(new FindTimeline(journey, events.version(journey)))).isEqualTo(before);
    }

    private static UUID opened() {
        UUID journey = UUID.randomUUID();
        events.given(new JourneyOpened(journey, "org-t", "cm-t", INTAKE, PROFILE, PERSON,
                                       Set.of(ConsentPurpose.CASE_MANAGEMENT, ConsentPurpose.PROGRAM_EVALUATION),
                                       "cm-t"));
        return journey;
    }

    private static Timeline.Milestone milestone(Timeline timeline, UUID milestoneId) {
        return timeline.milestones().stream().filter(m -> m.milestoneId().equals(milestoneId)).findFirst()
                       .orElseThrow();
    }
}
