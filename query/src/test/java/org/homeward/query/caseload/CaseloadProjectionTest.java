package org.homeward.query.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.homeward.journey.Caseload;
import org.homeward.journey.CaseManagerAssigned;
import org.homeward.journey.ClosureReason;
import org.homeward.journey.FindCaseload;
import org.homeward.journey.FollowUpCompleted;
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
import org.homeward.journey.Profile;
import org.homeward.journey.ReintegrationArea;
import org.homeward.journey.ReintegrationAssessed;
import org.homeward.journey.ReintegrationScores;
import org.homeward.journey.RiskFlagResolved;
import org.homeward.journey.RiskFlagged;
import org.homeward.journey.RiskKind;
import org.homeward.query.support.GivenEvents;
import org.homeward.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Given a journey's events, the caseload answers which of a case manager's open journeys needs them first:
 * flagged journeys (the earliest review first), overdue follow-ups (longest overdue first), then follow-ups to
 * come (soonest first), then journeys with nothing scheduled (earliest intake first). Each test uses case managers of its own in one database.
 */
class CaseloadProjectionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final LocalDate INTAKE = LocalDate.of(2026, 1, 12);
    private static final Profile PROFILE = new Profile(Profile.AgeBand.FROM_18_TO_24, Profile.Gender.FEMALE, "NG",
                                                       Profile.FormOfExploitation.SEXUAL);

    private static JdbcTemplate jdbc;
    private static CaseloadQueries caseloads;
    private GivenEvents events;

    @BeforeAll
    static void database() {
        jdbc = ReadModelDatabase.fresh();
        caseloads = new CaseloadQueries(jdbc, Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC),
                                                          ZoneOffset.UTC));
    }

    CaseloadProjectionTest() {
        events = new GivenEvents(new CaseloadProjection(jdbc));
    }

    @Test
    void openJourneysMostUrgentFirstWithTheirStandingMilestoneAndNextFollowUp() {
        UUID overdue = opened("cm-1", "org-north", INTAKE);
        UUID riskAssessed = UUID.randomUUID();
        UUID checkup = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        events.given(milestone(overdue, UUID.randomUUID(), MilestoneType.SHELTER_ENTERED, INTAKE),
                     milestone(overdue, riskAssessed, MilestoneType.RISK_ASSESSMENT_COMPLETED, INTAKE),
                     milestone(overdue, checkup, MilestoneType.MEDICAL_CHECKUP_DONE, INTAKE.plusDays(20)),
                     new MilestoneRetracted(overdue, checkup, "sealed"),
                     followUp(overdue, meeting, INTAKE.plusDays(8), FollowUpPurpose.OFFICE_MEETING),
                     followUp(overdue, visit, LocalDate.of(2026, 2, 1), FollowUpPurpose.HOME_VISIT),
                     new FollowUpCompleted(overdue, meeting, INTAKE.plusDays(8), null));

        UUID future = opened("cm-1", "org-north", INTAKE);
        UUID counselling = UUID.randomUUID();
        UUID missedCall = UUID.randomUUID();
        UUID nextCall = UUID.randomUUID();
        events.given(milestone(future, counselling, MilestoneType.COUNSELLING_STARTED, INTAKE.plusDays(5)),
                     milestone(future, UUID.randomUUID(), MilestoneType.LEGAL_COUNSEL_ASSIGNED, INTAKE.plusDays(10)),
                     new MilestoneCorrected(future, counselling, MilestoneType.COUNSELLING_STARTED, INTAKE.plusDays(15),
                                            null, null, null, "sealed"),
                     followUp(future, missedCall, INTAKE.plusDays(13), FollowUpPurpose.PHONE_CHECK_IN),
                     new FollowUpMissed(future, missedCall, "sealed"),
                     followUp(future, UUID.randomUUID(), TODAY.plusDays(60), FollowUpPurpose.SERVICE_REVIEW),
                     followUp(future, nextCall, TODAY.plusDays(30), FollowUpPurpose.PHONE_CHECK_IN));

        UUID nothingLate = opened("cm-1", "org-north", INTAKE.plusDays(3));
        events.given(new ReintegrationAssessed(nothingLate, UUID.randomUUID(), INTAKE.plusDays(4), "cm-1",
                                               new ReintegrationScores(2, 3, 2), true));
        UUID nothingEarly = opened("cm-1", "org-north", INTAKE);
        UUID closed = opened("cm-1", "org-north", INTAKE);
        events.given(followUp(closed, UUID.randomUUID(), INTAKE.plusDays(3), FollowUpPurpose.HOME_VISIT),
                     new JourneyClosed(closed, INTAKE.plusDays(30), ClosureReason.REINTEGRATED, null));
        UUID elsewhere = opened("cm-1", "org-south", INTAKE);

        Caseload caseload = caseloads.handle(new FindCaseload("cm-1", "org-north", 0, 20));

        assertThat(caseload.total()).isEqualTo(4);
        assertThat(ids(caseload)).containsExactly(overdue, future, nothingEarly, nothingLate)
                                 .doesNotContain(closed, elsewhere);
        Caseload.Entry first = caseload.entries().get(0);
        // two milestones on the intake day: the one recorded last counts; the retracted later one does not
        assertThat(first.phase()).isEqualTo(ReintegrationArea.SAFETY_AND_RISK);
        assertThat(first.lastMilestone()).isEqualTo(new Caseload.LastMilestone(
                riskAssessed, MilestoneType.RISK_ASSESSMENT_COMPLETED, INTAKE));
        // the earlier follow-up was completed, so the visit is the next one
        assertThat(first.nextFollowUp()).isEqualTo(new Caseload.NextFollowUp(visit, LocalDate.of(2026, 2, 1),
                                                                             FollowUpPurpose.HOME_VISIT));
        assertThat(first.overdue()).isTrue();
        assertThat(first.version()).isEqualTo(events.version(overdue));

        Caseload.Entry second = caseload.entries().get(1);
        // the correction moved counselling after the legal counsel; the missed call no longer counts
        assertThat(second.lastMilestone().milestoneId()).isEqualTo(counselling);
        assertThat(second.lastMilestone().occurredOn()).isEqualTo(INTAKE.plusDays(15));
        assertThat(second.phase()).isEqualTo(ReintegrationArea.PSYCHOSOCIAL_CARE_AND_COUNSELLING);
        assertThat(second.nextFollowUp().followUpId()).isEqualTo(nextCall);
        assertThat(second.overdue()).isFalse();

        Caseload.Entry fourth = caseload.entries().get(3);
        assertThat(fourth.lastMilestone()).isNull();
        assertThat(fourth.nextFollowUp()).isNull();
        // an assessment shows nowhere in the caseload, yet it is a version of the journey
        assertThat(fourth.version()).isEqualTo(1);

        assertThat(ids(caseloads.handle(new FindCaseload("cm-1", "org-north", 1, 3)))).containsExactly(nothingLate);
        assertThat(caseloads.handle(new FindCaseload("cm-1", "org-north", 2, 3)).entries()).isEmpty();
        assertThat(caseloads.handle(new FindCaseload("cm-1", "org-north", 2, 3)).total()).isEqualTo(4);
    }

    @Test
    void aClosedJourneyDropsOutAndComesBackWhenReopened() {
        UUID journey = opened("cm-2", "org-north", INTAKE);
        UUID visit = UUID.randomUUID();
        events.given(followUp(journey, visit, TODAY.plusDays(5), FollowUpPurpose.HOME_VISIT),
                     new JourneyClosed(journey, INTAKE.plusDays(30), ClosureReason.LOST_CONTACT, null));
        assertThat(caseloads.handle(new FindCaseload("cm-2", "org-north", 0, 20)).total()).isZero();

        events.given(new JourneyReopened(journey, INTAKE.plusDays(31), "sealed"));

        Caseload caseload = caseloads.handle(new FindCaseload("cm-2", "org-north", 0, 20));
        assertThat(ids(caseload)).containsExactly(journey);
        assertThat(caseload.entries().get(0).nextFollowUp().followUpId()).isEqualTo(visit);
        assertThat(caseload.entries().get(0).version()).isEqualTo(3);
    }

    @Test
    void anAssignedOrTransferredJourneyMovesToTheNewCaseManager() {
        UUID journey = opened("cm-3", "org-north", INTAKE);

        events.given(new CaseManagerAssigned(journey, "cm-3b", "cm-3", "sealed"));
        assertThat(ids(caseloads.handle(new FindCaseload("cm-3b", "org-north", 0, 20)))).containsExactly(journey);
        assertThat(caseloads.handle(new FindCaseload("cm-3", "org-north", 0, 20)).total()).isZero();

        events.given(new JourneyTransferred(journey, "org-north", "org-east", "cm-3c", "sealed"));
        Caseload moved = caseloads.handle(new FindCaseload("cm-3c", "org-east", 0, 20));
        assertThat(ids(moved)).containsExactly(journey);
        assertThat(moved.entries().get(0).organisationId()).isEqualTo("org-east");
        assertThat(caseloads.handle(new FindCaseload("cm-3b", "org-north", 0, 20)).total()).isZero();
    }

    /** A batch replayed after a crash hands older events to a journey that has moved on since. */
    @Test
    void eventsDeliveredAgainChangeNothing() {
        UUID journey = opened("cm-4", "org-north", INTAKE);
        UUID visit = UUID.randomUUID();
        JourneyClosed closed = new JourneyClosed(journey, INTAKE.plusDays(30), ClosureReason.LOST_CONTACT, null);
        CaseManagerAssigned away = new CaseManagerAssigned(journey, "cm-4b", "cm-4", "sealed");
        events.given(followUp(journey, visit, TODAY.plusDays(5), FollowUpPurpose.HOME_VISIT), closed,
                     new JourneyReopened(journey, INTAKE.plusDays(31), "sealed"), away,
                     new CaseManagerAssigned(journey, "cm-4", "cm-4b", "sealed"));
        Caseload before = caseloads.handle(new FindCaseload("cm-4", "org-north", 0, 20));
        assertThat(ids(before)).containsExactly(journey);

        events.again(closed, 2).again(away, 4);

        assertThat(caseloads.handle(new FindCaseload("cm-4", "org-north", 0, 20))).isEqualTo(before);
        assertThat(caseloads.handle(new FindCaseload("cm-4b", "org-north", 0, 20)).total()).isZero();
    }

    @Test
    void flaggedJourneysComeFirstTheEarliestReviewFirst() {
        UUID lateFollowUp = opened("cm-5", "org-north", INTAKE);
        UUID flagged = opened("cm-5", "org-north", INTAKE.plusDays(1));
        UUID reviewOverdue = opened("cm-5", "org-north", INTAKE.plusDays(2));
        UUID resolved = opened("cm-5", "org-north", INTAKE.plusDays(3));
        UUID resolvedFlag = UUID.randomUUID();
        events.given(followUp(lateFollowUp, UUID.randomUUID(), TODAY.minusDays(20), FollowUpPurpose.HOME_VISIT),
                     flag(flagged, UUID.randomUUID(), TODAY.plusDays(10)),
                     flag(reviewOverdue, UUID.randomUUID(), TODAY.plusDays(30)),
                     flag(reviewOverdue, UUID.randomUUID(), TODAY.minusDays(3)),
                     flag(resolved, resolvedFlag, TODAY.minusDays(9)),
                     new RiskFlagResolved(resolved, resolvedFlag, TODAY, "sealed"));

        Caseload caseload = caseloads.handle(new FindCaseload("cm-5", "org-north", 0, 20));

        assertThat(ids(caseload)).containsExactly(reviewOverdue, flagged, lateFollowUp, resolved);
        assertThat(caseload.entries().get(0).riskFlags())
                .isEqualTo(new Caseload.RiskFlags(2, TODAY.minusDays(3), true));
        assertThat(caseload.entries().get(1).riskFlags())
                .isEqualTo(new Caseload.RiskFlags(1, TODAY.plusDays(10), false));
        assertThat(caseload.entries().get(3).riskFlags()).isEqualTo(new Caseload.RiskFlags(0, null, false));
        assertThat(caseload.entries().get(3).version()).isEqualTo(2);
    }

    @Test
    void aCaseManagerWithNoJourneysHasAnEmptyCaseload() {
        Caseload caseload = caseloads.handle(new FindCaseload("cm-nobody", "org-north", 0, 20));

        assertThat(caseload.total()).isZero();
        assertThat(caseload.entries()).isEmpty();
    }

    private UUID opened(String caseManager, String organisation, LocalDate intake) {
        UUID journey = UUID.randomUUID();
        events.given(new JourneyOpened(journey, organisation, caseManager, intake, PROFILE, null, Set.of(),
                                       caseManager));
        return journey;
    }

    private static MilestoneRecorded milestone(UUID journey, UUID milestone, MilestoneType type, LocalDate on) {
        return new MilestoneRecorded(journey, milestone, type, on, null, null, null);
    }

    private static RiskFlagged flag(UUID journey, UUID flag, LocalDate reviewOn) {
        return new RiskFlagged(journey, flag, RiskKind.SAFETY_RISK, INTAKE.plusDays(5), reviewOn, "sealed");
    }

    private static FollowUpScheduled followUp(UUID journey, UUID followUp, LocalDate due, FollowUpPurpose purpose) {
        return new FollowUpScheduled(journey, followUp, due, purpose);
    }

    private static List<UUID> ids(Caseload caseload) {
        return caseload.entries().stream().map(Caseload.Entry::journeyId).toList();
    }
}
