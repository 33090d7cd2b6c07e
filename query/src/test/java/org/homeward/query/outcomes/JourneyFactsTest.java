package org.homeward.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.journey.MilestoneType.BUSINESS_STARTED;
import static org.homeward.journey.MilestoneType.COUNSELLING_STARTED;
import static org.homeward.journey.MilestoneType.EMPLOYMENT_ENDED;
import static org.homeward.journey.MilestoneType.EMPLOYMENT_STARTED;
import static org.homeward.journey.MilestoneType.HOUSING_SECURED;
import static org.homeward.journey.MilestoneType.SHELTER_EXITED;
import static org.homeward.journey.MilestoneType.TRAINING_COMPLETED;
import static org.homeward.journey.MilestoneType.TRAINING_DROPPED_OUT;
import static org.homeward.journey.MilestoneType.TRAINING_ENROLLED;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.journey.MilestoneType;
import org.homeward.query.outcomes.JourneyFacts.Milestone;
import org.homeward.query.outcomes.JourneyFacts.ProgramOutcome;
import org.junit.jupiter.api.Test;

class JourneyFactsTest {

    private static final LocalDate INTAKE = LocalDate.of(2025, 8, 31);
    private static final UUID BAKERY = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID SEWING = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    @Test
    void sixMonthPointIsTheSameDayOfTheMonthOrTheMonthsLastDay() {
        assertThat(JourneyFacts.sixMonthsAfter(INTAKE)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(JourneyFacts.twelveMonthsAfter(INTAKE)).isEqualTo(LocalDate.of(2026, 8, 31));
    }

    @Test
    void employedOnTheSixMonthPointWhenTheLastEmploymentMilestoneUpToItIsAStart() {
        JourneyFacts startedOnTheDay = facts(m(EMPLOYMENT_STARTED, day(2026, 2, 28)));
        JourneyFacts startedTheDayAfter = facts(m(EMPLOYMENT_STARTED, day(2026, 3, 1)));
        JourneyFacts endedBefore = facts(m(EMPLOYMENT_STARTED, day(2025, 10, 1)),
                                         m(EMPLOYMENT_ENDED, day(2026, 1, 15)));
        JourneyFacts endedAfter = facts(m(EMPLOYMENT_STARTED, day(2025, 10, 1)), m(EMPLOYMENT_ENDED, day(2026, 4, 1)));

        assertThat(startedOnTheDay.employedAt6Months()).isTrue();
        assertThat(startedTheDayAfter.employedAt6Months()).isFalse();
        assertThat(startedTheDayAfter.employedAt12Months()).isTrue();
        assertThat(endedBefore.employedAt6Months()).isFalse();
        assertThat(endedAfter.employedAt6Months()).isTrue();
        assertThat(endedAfter.employedAt12Months()).isFalse();
    }

    @Test
    void endAndStartOnOneDayAreAChangeOfJob() {
        JourneyFacts changed = facts(m(EMPLOYMENT_STARTED, day(2025, 10, 1)), m(BUSINESS_STARTED, day(2026, 1, 5)),
                                     m(EMPLOYMENT_ENDED, day(2026, 1, 5)));

        assertThat(changed.employedAt6Months()).isTrue();
        assertThat(changed.daysToEmploymentStarted()).isEqualTo(31);
    }

    @Test
    void housedWhenHousingWasSecuredByThePoint() {
        JourneyFacts housed = facts(m(HOUSING_SECURED, day(2026, 5, 1)));

        assertThat(housed.housedAt6Months()).isFalse();
        assertThat(housed.housedAt12Months()).isTrue();
    }

    @Test
    void daysCountToTheFirstStandingMilestoneOfEachKind() {
        JourneyFacts facts = facts(m(COUNSELLING_STARTED, INTAKE.plusDays(9)), m(COUNSELLING_STARTED, INTAKE.plusDays(3)),
                                   m(SHELTER_EXITED, INTAKE.plusDays(60)));

        assertThat(facts.daysToFirstCounselling()).isEqualTo(3);
        assertThat(facts.daysToShelterExit()).isEqualTo(60);
        assertThat(facts.daysToTrainingCompleted()).isNull();
        assertThat(facts.daysToEmploymentStarted()).isNull();
    }

    @Test
    void completionWinsOverAnEarlierDropOutAndEachProgramStandsOnItsOwn() {
        JourneyFacts facts = facts(m(TRAINING_ENROLLED, INTAKE.plusDays(5), BAKERY),
                                   m(TRAINING_DROPPED_OUT, INTAKE.plusDays(20), BAKERY),
                                   m(TRAINING_ENROLLED, INTAKE.plusDays(40), BAKERY),
                                   m(TRAINING_COMPLETED, INTAKE.plusDays(90), BAKERY),
                                   m(TRAINING_ENROLLED, INTAKE.plusDays(100), SEWING));

        assertThat(facts.programs().get(BAKERY).outcome()).isEqualTo(ProgramOutcome.COMPLETED);
        assertThat(facts.programs().get(BAKERY).daysToTrainingCompleted()).isEqualTo(90);
        assertThat(facts.programs().get(SEWING).outcome()).isEqualTo(ProgramOutcome.ACTIVE);
        assertThat(facts.programOutcome()).isEqualTo(ProgramOutcome.COMPLETED);
    }

    @Test
    void noProgramMeansNoProgramOutcome() {
        assertThat(facts(m(COUNSELLING_STARTED, INTAKE)).programOutcome()).isNull();
        assertThat(facts(m(TRAINING_DROPPED_OUT, INTAKE, SEWING)).programOutcome())
                .isEqualTo(ProgramOutcome.DROPPED_OUT);
    }

    @Test
    void onlyMilestonesSomeFigureReadsAreKept() {
        assertThat(JourneyFacts.dependsOn(MilestoneType.MEDICAL_CHECKUP_DONE, null)).isFalse();
        assertThat(JourneyFacts.dependsOn(MilestoneType.MEDICAL_CHECKUP_DONE, SEWING)).isTrue();
        assertThat(JourneyFacts.dependsOn(EMPLOYMENT_ENDED, null)).isTrue();
    }

    private static JourneyFacts facts(Milestone... standing) {
        return JourneyFacts.of(INTAKE, List.of(standing));
    }

    private static Milestone m(MilestoneType type, LocalDate on) {
        return new Milestone(type, on, null);
    }

    private static Milestone m(MilestoneType type, LocalDate on, UUID programId) {
        return new Milestone(type, on, programId);
    }

    private static LocalDate day(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }
}
