package org.homeward.query.outcomes;

import static java.util.Comparator.comparing;
import static org.homeward.journey.MilestoneType.BUSINESS_STARTED;
import static org.homeward.journey.MilestoneType.COUNSELLING_COMPLETED;
import static org.homeward.journey.MilestoneType.COUNSELLING_STARTED;
import static org.homeward.journey.MilestoneType.EDUCATION_COMPLETED;
import static org.homeward.journey.MilestoneType.EDUCATION_DROPPED_OUT;
import static org.homeward.journey.MilestoneType.EMPLOYMENT_ENDED;
import static org.homeward.journey.MilestoneType.EMPLOYMENT_STARTED;
import static org.homeward.journey.MilestoneType.HOUSING_SECURED;
import static org.homeward.journey.MilestoneType.MEDICAL_TREATMENT_COMPLETED;
import static org.homeward.journey.MilestoneType.RESIDENCE_STATUS_REGULARISED;
import static org.homeward.journey.MilestoneType.SHELTER_EXITED;
import static org.homeward.journey.MilestoneType.TRAINING_COMPLETED;
import static org.homeward.journey.MilestoneType.TRAINING_DROPPED_OUT;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.journey.MilestoneType;

/**
 * What one journey contributes to the outcome figures, derived from its intake date and its standing milestones
 * alone. Recomputed from scratch whenever a milestone is recorded, corrected or retracted, so a corrected history
 * yields exactly the facts it would have yielded had it always been so.
 *
 * @param programOutcome across all programs the journey took part in; null when it took part in none
 * @param programs       the journey's standing in each program a standing milestone names
 */
record JourneyFacts(ProgramOutcome programOutcome, Map<UUID, ProgramFacts> programs, boolean employedAt6Months,
                    boolean employedAt12Months, boolean housedAt6Months, boolean housedAt12Months,
                    boolean residenceRegularised, Integer daysToFirstCounselling, Integer daysToShelterExit,
                    Integer daysToTrainingCompleted, Integer daysToEmploymentStarted) {

    /** Completion wins over drop-out: a person who dropped out, came back and completed has completed. */
    enum ProgramOutcome { COMPLETED, DROPPED_OUT, ACTIVE }

    record Milestone(MilestoneType type, LocalDate occurredOn, UUID programId) {
    }

    /** @param daysToTrainingCompleted from intake to the first training completion in this program */
    record ProgramFacts(ProgramOutcome outcome, Integer daysToTrainingCompleted) {
    }

    static final Set<MilestoneType> COMPLETIONS =
            EnumSet.of(TRAINING_COMPLETED, EDUCATION_COMPLETED, COUNSELLING_COMPLETED, MEDICAL_TREATMENT_COMPLETED);
    static final Set<MilestoneType> DROP_OUTS = EnumSet.of(TRAINING_DROPPED_OUT, EDUCATION_DROPPED_OUT);
    static final Set<MilestoneType> EMPLOYMENT_STARTS = EnumSet.of(EMPLOYMENT_STARTED, BUSINESS_STARTED);

    /** The types the facts read besides program milestones; other milestones are not even stored. */
    private static final Set<MilestoneType> READ = EnumSet.of(COUNSELLING_STARTED, SHELTER_EXITED, HOUSING_SECURED,
                                                              RESIDENCE_STATUS_REGULARISED, EMPLOYMENT_STARTED,
                                                              BUSINESS_STARTED, EMPLOYMENT_ENDED, TRAINING_COMPLETED);

    static boolean dependsOn(MilestoneType type, UUID programId) {
        return programId != null || READ.contains(type);
    }

    static LocalDate sixMonthsAfter(LocalDate intakeDate) {
        return intakeDate.plusMonths(6);
    }

    static LocalDate twelveMonthsAfter(LocalDate intakeDate) {
        return intakeDate.plusMonths(12);
    }

    static JourneyFacts of(LocalDate intakeDate, List<Milestone> standing) {
        Map<UUID, ProgramFacts> programs = new HashMap<>();
        standing.stream()
                .filter(m -> m.programId() != null)
                .collect(Collectors.groupingBy(Milestone::programId))
                .forEach((programId, inProgram) -> programs.put(
                        programId,
                        new ProgramFacts(outcome(inProgram),
                                         daysToFirst(intakeDate, inProgram, EnumSet.of(TRAINING_COMPLETED)))));
        return new JourneyFacts(overall(programs.values()), programs,
                                employedOn(sixMonthsAfter(intakeDate), standing),
                                employedOn(twelveMonthsAfter(intakeDate), standing),
                                housedOn(sixMonthsAfter(intakeDate), standing),
                                housedOn(twelveMonthsAfter(intakeDate), standing),
                                standing.stream().anyMatch(m -> m.type() == RESIDENCE_STATUS_REGULARISED),
                                daysToFirst(intakeDate, standing, EnumSet.of(COUNSELLING_STARTED)),
                                daysToFirst(intakeDate, standing, EnumSet.of(SHELTER_EXITED)),
                                daysToFirst(intakeDate, standing, EnumSet.of(TRAINING_COMPLETED)),
                                daysToFirst(intakeDate, standing, EMPLOYMENT_STARTS));
    }

    private static ProgramOutcome outcome(List<Milestone> inProgram) {
        if (inProgram.stream().anyMatch(m -> COMPLETIONS.contains(m.type()))) {
            return ProgramOutcome.COMPLETED;
        }
        if (inProgram.stream().anyMatch(m -> DROP_OUTS.contains(m.type()))) {
            return ProgramOutcome.DROPPED_OUT;
        }
        return ProgramOutcome.ACTIVE;
    }

    private static ProgramOutcome overall(Collection<ProgramFacts> programs) {
        return programs.stream().map(ProgramFacts::outcome).min(comparing(ProgramOutcome::ordinal)).orElse(null);
    }

    /**
     * Employed on a day when the last employment milestone up to that day is a start. An end and a start on the
     * same day are a change of job: the end counts first.
     */
    static boolean employedOn(LocalDate day, List<Milestone> standing) {
        return standing.stream()
                       .filter(m -> (EMPLOYMENT_STARTS.contains(m.type()) || m.type() == EMPLOYMENT_ENDED)
                                    && !m.occurredOn().isAfter(day))
                       .max(comparing(Milestone::occurredOn).thenComparing(m -> m.type() != EMPLOYMENT_ENDED))
                       .map(m -> m.type() != EMPLOYMENT_ENDED)
                       .orElse(false);
    }

    private static boolean housedOn(LocalDate day, List<Milestone> standing) {
        return standing.stream().anyMatch(m -> m.type() == HOUSING_SECURED && !m.occurredOn().isAfter(day));
    }

    private static Integer daysToFirst(LocalDate intakeDate, List<Milestone> milestones, Set<MilestoneType> types) {
        return milestones.stream()
                         .filter(m -> types.contains(m.type()))
                         .map(Milestone::occurredOn)
                         .min(LocalDate::compareTo)
                         .map(day -> Math.toIntExact(ChronoUnit.DAYS.between(intakeDate, day)))
                         .orElse(null);
    }
}
