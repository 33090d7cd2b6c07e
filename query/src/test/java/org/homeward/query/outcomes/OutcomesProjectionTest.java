package org.homeward.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.homeward.journey.ConsentGiven;
import org.homeward.journey.ConsentPurpose;
import org.homeward.journey.ConsentWithdrawn;
import org.homeward.journey.FollowUpCompleted;
import org.homeward.journey.FollowUpMissed;
import org.homeward.journey.FollowUpPurpose;
import org.homeward.journey.FollowUpScheduled;
import org.homeward.journey.JourneyOpened;
import org.homeward.journey.MilestoneCorrected;
import org.homeward.journey.MilestoneOutcome;
import org.homeward.journey.MilestoneRecorded;
import org.homeward.journey.MilestoneRetracted;
import org.homeward.journey.MilestoneType;
import org.homeward.journey.Profile;
import org.homeward.journey.ReintegrationAssessed;
import org.homeward.journey.ReintegrationScores;
import org.homeward.outcome.CohortPeriod;
import org.homeward.outcome.FindOutcomes;
import org.homeward.outcome.Outcomes;
import org.homeward.program.ProgramDefined;
import org.homeward.program.ProgramKind;
import org.homeward.query.QuerySettings;
import org.homeward.query.support.GivenEvents;
import org.homeward.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Given the events of a cohort whose every figure is known in advance, the outcome figures are exact. The same
 * cohort as deploy's {@code OutcomesTest} builds through the API, here handed to the projection as events; the
 * clock stands on {@link #TODAY}, so figures "at 12 months" do not change with the day the suite runs.
 */
class OutcomesProjectionTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 6, 30);
    private static final LocalDate FIRST_INTAKE = LocalDate.of(2026, 1, 5);
    private static final String KNOWN = "org-known";
    private static final MilestoneOutcome EMPLOYED =
            new MilestoneOutcome(MilestoneOutcome.EmploymentSector.MANUFACTURING, true, null);
    private static final Profile PROFILE = new Profile(Profile.AgeBand.FROM_18_TO_24, Profile.Gender.FEMALE, "MD",
                                                       Profile.FormOfExploitation.FORCED_LABOUR);

    /** Only journeys whose person consented to program evaluation are counted. */
    private static final Set<ConsentPurpose> CONSENTS = Set.of(ConsentPurpose.CASE_MANAGEMENT,
                                                               ConsentPurpose.PROGRAM_EVALUATION);

    private static final UUID BAKERY = UUID.randomUUID();

    private static OutcomesQueries outcomes;
    private static GivenEvents events;

    /**
     * 48 journeys of intake quarter 2026-Q1 in the bakery program: 25 complete it, 12 drop out, 11 are still in
     * it. Journey i completes on day 30 + 4i; journeys 0-11 start work on day 60 + 5i, 12-14 on day 250, and
     * journey 0 stops on day 300. Journeys 0-19 find housing on day 150, 0-10 get their residence regularised,
     * every journey starts counselling on day i. Journeys 0-21 are assessed twice; journeys 0-11 have one follow-up
     * each: 9 done on the day, 2 late and 1 missed.
     */
    @BeforeAll
    static void knownCohort() {
        JdbcTemplate jdbc = ReadModelDatabase.fresh();
        outcomes = new OutcomesQueries(jdbc, Optional.empty(),
                                       Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
                                       new QuerySettings(null, new QuerySettings.Outcomes(11, "")));
        events = new GivenEvents(new OutcomesProjection(jdbc));
        events.given(new ProgramDefined(BAKERY, KNOWN, "Bakery apprenticeship", ProgramKind.VOCATIONAL_TRAINING,
                                        null));
        for (int i = 0; i < 48; i++) {
            UUID journey = UUID.randomUUID();
            LocalDate intake = FIRST_INTAKE.plusDays(i);
            events.given(new JourneyOpened(journey, KNOWN, "cm-known", intake, PROFILE, null, CONSENTS, "cm-known"),
                         milestone(journey, MilestoneType.COUNSELLING_STARTED, intake.plusDays(i), null, null),
                         milestone(journey, MilestoneType.TRAINING_ENROLLED, intake.plusDays(10), BAKERY, null));
            if (i < 25) {
                events.given(milestone(journey, MilestoneType.TRAINING_COMPLETED, intake.plusDays(30 + 4 * i),
                                       BAKERY, null));
            } else if (i < 37) {
                events.given(milestone(journey, MilestoneType.TRAINING_DROPPED_OUT, intake.plusDays(40), BAKERY,
                                       new MilestoneOutcome(null, null, "sealed")));
            }
            if (i < 15) {
                events.given(milestone(journey, MilestoneType.EMPLOYMENT_STARTED,
                                       intake.plusDays(i < 12 ? 60 + 5 * i : 250), null,
                                       EMPLOYED));
            }
            if (i == 0) {
                events.given(milestone(journey, MilestoneType.EMPLOYMENT_ENDED, intake.plusDays(300), null, null));
            }
            if (i < 20) {
                events.given(milestone(journey, MilestoneType.HOUSING_SECURED, intake.plusDays(150), null, null));
            }
            if (i < 11) {
                events.given(milestone(journey, MilestoneType.RESIDENCE_STATUS_REGULARISED, intake.plusDays(120),
                                       null, null));
            }
            if (i < 22) {
                events.given(new ReintegrationAssessed(journey, UUID.randomUUID(), intake.plusDays(5), "cm-known",
                                                       new ReintegrationScores(2, 3, 1), true),
                             new ReintegrationAssessed(journey, UUID.randomUUID(), intake.plusDays(200), "cm-known",
                                                       new ReintegrationScores(i < 11 ? 4 : 3, 3, 2), false));
            }
            if (i < 12) {
                UUID followUp = UUID.randomUUID();
                LocalDate due = intake.plusDays(90);
                events.given(new FollowUpScheduled(journey, followUp, due, FollowUpPurpose.HOME_VISIT),
                             i < 9 ? new FollowUpCompleted(journey, followUp, due, null)
                                   : i < 11 ? new FollowUpCompleted(journey, followUp, due.plusDays(3), null)
                                   : new FollowUpMissed(journey, followUp, "sealed"));
            }
        }
    }

    @Test
    void everyFigureOfAKnownCohortIsExact() {
        Outcomes answer = outcomes.handle(new FindOutcomes(null, KNOWN, CohortPeriod.QUARTER, null, null, null));

        assertThat(answer.rows()).hasSize(1);
        Outcomes.Row row = answer.rows().get(0);
        assertThat(row.cohort()).isEqualTo("2026-Q1");
        assertThat(row.startsOn()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(row.endsOn()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(row.group()).isEqualTo(Outcomes.ALL);
        assertThat(row.suppressed()).isEmpty();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("journeys", 48);
        expected.put("enrolled", 48);
        expected.put("completed", 25);
        expected.put("droppedOut", 12);
        expected.put("stillActive", 11);
        expected.put("completionRate", 0.5208);
        expected.put("at6Months.journeys", 48);
        expected.put("at6Months.employed", 12);
        expected.put("at6Months.employedRate", 0.25);
        expected.put("at6Months.housed", 20);
        expected.put("at12Months.journeys", 48);
        expected.put("at12Months.employed", 14);
        expected.put("at12Months.housed", 20);
        expected.put("residenceRegularised", 11);
        expected.put("daysToFirstCounselling.journeys", 48);
        expected.put("daysToFirstCounselling.median", 23);
        expected.put("daysToFirstCounselling.p75", 35);
        expected.put("daysToShelterExit.journeys", 0);
        expected.put("daysToShelterExit.median", null);
        expected.put("daysToTrainingCompleted.journeys", 25);
        expected.put("daysToTrainingCompleted.median", 78);
        expected.put("daysToTrainingCompleted.p75", 102);
        expected.put("daysToEmploymentStarted.journeys", 15);
        expected.put("daysToEmploymentStarted.median", 95);
        expected.put("daysToEmploymentStarted.p75", 115);
        expected.put("assessment.journeys", 22);
        expected.put("assessment.reassessed", 22);
        expected.put("economic.first.mean", 2.0);
        expected.put("economic.first.score2", 22);
        expected.put("economic.latest.mean", 3.5);
        expected.put("economic.latest.score3", 11);
        expected.put("economic.latest.score4", 11);
        expected.put("economic.change.mean", 1.5);
        expected.put("social.change.mean", 0.0);
        expected.put("psychosocial.first.score1", 22);
        expected.put("psychosocial.latest.score2", 22);
        expected.put("psychosocial.change.mean", 1.0);
        expected.put("followUps.journeys", 12);
        expected.put("followUps.onTimeRate", 0.75);
        expected.forEach((figure, value) -> assertThat(row.figures().get(figure) == null ? null
                                                       : row.figures().get(figure).doubleValue())
                .as(figure).isEqualTo(value == null ? null : ((Number) value).doubleValue()));
    }

    /**
     * 24 journeys of 2025 in a literacy course: 12 complete it and find work, 12 drop out. A completion corrected
     * into a drop-out, a retracted job and a consent withdrawn and given again each move the figures at once.
     */
    @Test
    void correctionsRetractionsAndConsentMoveTheFigures() {
        String organisation = "org-changes";
        UUID literacy = UUID.randomUUID();
        events.given(new ProgramDefined(literacy, organisation, "Literacy course", ProgramKind.EDUCATION, null));
        List<UUID> journeys = new ArrayList<>();
        List<MilestoneRecorded> completions = new ArrayList<>();
        List<MilestoneRecorded> employments = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            UUID journey = UUID.randomUUID();
            journeys.add(journey);
            LocalDate intake = LocalDate.of(2025, 1, 10).plusDays(i);
            events.given(new JourneyOpened(journey, organisation, "cm-changes", intake, PROFILE, null, CONSENTS,
                                           "cm-changes"),
                         milestone(journey, MilestoneType.TRAINING_ENROLLED, intake.plusDays(5), literacy, null));
            if (i < 12) {
                MilestoneRecorded completed = milestone(journey, MilestoneType.TRAINING_COMPLETED,
                                                        intake.plusDays(60), literacy, null);
                MilestoneRecorded employed = milestone(journey, MilestoneType.EMPLOYMENT_STARTED,
                                                       intake.plusDays(90), null, EMPLOYED);
                events.given(completed, employed);
                completions.add(completed);
                employments.add(employed);
            } else {
                events.given(milestone(journey, MilestoneType.TRAINING_DROPPED_OUT, intake.plusDays(30), literacy,
                                       new MilestoneOutcome(null, null, "sealed")));
            }
        }
        assertThat(figures(organisation, "completed", "droppedOut", "at6Months.employed", "journeys"))
                .containsExactly(12.0, 12.0, 12.0, 24.0);

        MilestoneRecorded mistaken = completions.get(0);
        events.given(new MilestoneCorrected(mistaken.journeyId(), mistaken.milestoneId(),
                                            MilestoneType.TRAINING_DROPPED_OUT, LocalDate.of(2025, 2, 20), null,
                                            literacy, new MilestoneOutcome(null, null, "sealed"), "sealed"));
        assertThat(figures(organisation, "completed", "droppedOut")).containsExactly(11.0, 13.0);

        MilestoneRecorded fellThrough = employments.get(1);
        events.given(new MilestoneRetracted(fellThrough.journeyId(), fellThrough.milestoneId(), "sealed"));
        assertThat(figures(organisation, "at6Months.employed", "daysToEmploymentStarted.journeys"))
                .containsExactly(11.0, 11.0);

        UUID dropOut = journeys.get(20);
        events.given(new ConsentWithdrawn(dropOut, ConsentPurpose.PROGRAM_EVALUATION, null,
                                          LocalDate.of(2026, 3, 1), "cm-changes"));
        assertThat(figures(organisation, "journeys", "droppedOut")).containsExactly(23.0, 12.0);

        events.given(new ConsentGiven(dropOut, ConsentPurpose.PROGRAM_EVALUATION, null, LocalDate.of(2026, 4, 1),
                                      "cm-changes", Set.of()));
        assertThat(figures(organisation, "journeys", "droppedOut")).containsExactly(24.0, 13.0);
    }

    /** The known cohort's intakes run from 5 January to 21 February 2026: 27 in January, 21 in February. */
    @Test
    void aProgramAndDatesBoundTheCohortsCounted() {
        assertThat(journeysPerCohort(new FindOutcomes(BAKERY, null, CohortPeriod.MONTH, null, null, null)))
                .containsExactly("2026-01=27", "2026-02=21");
        assertThat(journeysPerCohort(new FindOutcomes(BAKERY, KNOWN, CohortPeriod.MONTH,
                                                      LocalDate.of(2026, 2, 10), null, null)))
                .containsExactly("2026-02=21");
        assertThat(journeysPerCohort(new FindOutcomes(null, KNOWN, CohortPeriod.MONTH, null,
                                                      LocalDate.of(2026, 1, 20), null)))
                .containsExactly("2026-01=27");
        assertThat(journeysPerCohort(new FindOutcomes(BAKERY, "org-elsewhere", CohortPeriod.MONTH, null, null,
                                                      null)))
                .isEmpty();
    }

    private static List<String> journeysPerCohort(FindOutcomes query) {
        return outcomes.handle(query).rows().stream()
                       .map(row -> row.cohort() + "=" + row.figures().get("journeys").longValue())
                       .toList();
    }

    private static List<Double> figures(String organisation, String... names) {
        Outcomes.Row row = outcomes.handle(new FindOutcomes(null, organisation, CohortPeriod.YEAR, null, null, null))
                                   .rows().get(0);
        return Arrays.stream(names).map(name -> row.figures().get(name).doubleValue()).toList();
    }

    private static MilestoneRecorded milestone(UUID journey, MilestoneType type, LocalDate on, UUID program,
                                               MilestoneOutcome outcome) {
        return new MilestoneRecorded(journey, UUID.randomUUID(), type, on, null, program, outcome);
    }
}
