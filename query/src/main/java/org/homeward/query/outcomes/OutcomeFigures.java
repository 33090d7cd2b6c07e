package org.homeward.query.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every figure of an outcome row in one place: its name, how it is computed over the counted journeys of one
 * cohort (or group), its unit and definition as evaluators read them, and which counts it rests on. The rows,
 * the CSV columns, the chart and {@code GET /api/v1/outcomes/definitions} all come from this list, so they
 * cannot disagree.
 */
final class OutcomeFigures {

    static final String JOURNEYS = "journeys";
    static final String SHARE = "share of journeys, 0 to 1";
    static final String DAYS = "days";
    static final String SCORE = "score, 1 (very low) to 5 (very high)";

    /**
     * @param sql   an aggregate over the rows of {@code population} (see {@link OutcomesQueries})
     * @param basis the counts the figure rests on: it is withheld whenever one of them is. A count rests on itself.
     */
    record Figure(String name, String sql, String unit, String definition, List<String> basis) {

        boolean isCount() {
            return basis.equals(List.of(name));
        }
    }

    /**
     * Counts that add up to another: {@code total = parts + rest}. {@code rest} is never shown but anyone can work
     * it out from the others, so suppression treats it as shown unless it is withheld; null when the parts are
     * the whole total.
     */
    record Line(String total, List<String> parts, String rest) {

        List<String> all() {
            return rest == null ? parts : Stream.concat(parts.stream(), Stream.of(rest)).toList();
        }
    }

    static final String POPULATION = """
            A figure counts only journeys whose consent for program evaluation is in force now, with an intake \
            date in the cohort; when a program is asked, only journeys that took part in it (a standing milestone \
            names it); when an organisation is asked, only journeys it holds now. A standing milestone is one \
            recorded and not retracted, as last corrected.""";

    static final String PERCENTILES = """
            Medians and 75th percentiles are nearest-rank: of n values in ascending order, the p-th percentile is \
            the value at rank ceil(p/100 * n), so the median of 25 values is the 13th and the 75th percentile the \
            19th; every value reported was observed. Rates and means are rounded to 4 and 2 decimals.""";

    static final String SUPPRESSION = """
            Any count from 1 to k-1 journeys (k = homeward.outcomes.suppression-threshold, 11 unless configured) \
            is withheld: its value is null in JSON, "suppressed" in CSV, hatched in the chart, and its name is \
            listed in the row's "suppressed". A count of 0 describes no one and is shown. A rate, mean, median or \
            percentile is withheld whenever a count it rests on is. Complementary suppression: wherever counts add \
            up to another count that can be seen (the groups of a cohort to the cohort's total row; completed, \
            dropped out and still active to enrolled; employed and not employed to the journeys past their \
            6- or 12-month point; the five scores of a distribution to the assessed journeys), a withheld count is \
            never the only unknown: if it is, the smallest other non-zero count of that sum is withheld too (or the \
            total, when there is none), and this is repeated until no sum has exactly one unknown. Counts never \
            shown but implied, such as the journeys not employed, take part in this, so a rate can be withheld \
            because its complement is small.""";

    static final List<Figure> ALL;
    static final List<Line> LINES;

    static {
        List<Figure> figures = new ArrayList<>();
        List<Line> lines = new ArrayList<>();

        figures.add(count(JOURNEYS, "count(*)", "Journeys counted in the cohort."));
        figures.add(count("enrolled", "count(outcome)", """
                Journeys that took part in the program asked, or in any program when none is asked: at least one \
                standing milestone names it."""));
        figures.add(count("completed", "count(*) filter (where outcome = 'COMPLETED')", """
                Enrolled journeys with a standing completion (TRAINING_, EDUCATION_, COUNSELLING_ or \
                MEDICAL_TREATMENT_COMPLETED) naming the program; a completion counts even after an earlier \
                drop-out. With no program asked: journeys that completed at least one program."""));
        figures.add(count("droppedOut", "count(*) filter (where outcome = 'DROPPED_OUT')", """
                Enrolled journeys with a standing TRAINING_ or EDUCATION_DROPPED_OUT naming the program and no \
                completion of it. With no program asked: journeys that dropped out of a program and completed \
                none."""));
        figures.add(count("stillActive", "count(*) filter (where outcome = 'ACTIVE')", """
                Enrolled journeys with neither a completion nor a drop-out recorded (for any program, when none \
                is asked)."""));
        figures.add(rate(figures, "completionRate", "completed", "enrolled", "Completed divided by enrolled."));
        lines.add(new Line(JOURNEYS, List.of("enrolled"), "notEnrolled"));
        lines.add(new Line("enrolled", List.of("completed", "droppedOut", "stillActive"), null));

        for (int months : new int[] {6, 12}) {
            String at = "at" + months + "Months";
            String reached = "reached_" + months + "_months";
            figures.add(count(at + ".journeys", "count(*) filter (where " + reached + ")", """
                    Journeys whose %d-month point (the intake date plus %d calendar months) is on or before asOf; \
                    the denominator of the rates at %d months.""".formatted(months, months, months)));
            figures.add(count(at + ".employed",
                              "count(*) filter (where " + reached + " and employed_at_" + months + "_months)", """
                    Of those, journeys employed on their %d-month point: the last standing EMPLOYMENT_STARTED, \
                    BUSINESS_STARTED or EMPLOYMENT_ENDED dated on or before that day is a start (an end and a \
                    start on the same day are a change of job: the end counts first).""".formatted(months)));
            figures.add(rate(figures, at + ".employedRate", at + ".employed", at + ".journeys",
                             "Employed at %d months divided by the journeys past their %d-month point."
                                     .formatted(months, months)));
            figures.add(count(at + ".housed",
                              "count(*) filter (where " + reached + " and housed_at_" + months + "_months)", """
                    Of those, journeys with a standing HOUSING_SECURED dated on or before their %d-month point."""
                                      .formatted(months)));
            figures.add(rate(figures, at + ".housedRate", at + ".housed", at + ".journeys",
                             "Housed at %d months divided by the journeys past their %d-month point."
                                     .formatted(months, months)));
            lines.add(new Line(JOURNEYS, List.of(at + ".journeys"), at + ".notReached"));
            lines.add(new Line(at + ".journeys", List.of(at + ".employed"), at + ".notEmployed"));
            lines.add(new Line(at + ".journeys", List.of(at + ".housed"), at + ".notHoused"));
        }

        figures.add(count("residenceRegularised", "count(*) filter (where residence_regularised)",
                          "Journeys with a standing RESIDENCE_STATUS_REGULARISED."));
        figures.add(rate(figures, "residenceRegularisedRate", "residenceRegularised", JOURNEYS,
                         "Residence regularised divided by journeys."));
        lines.add(new Line(JOURNEYS, List.of("residenceRegularised"), "residenceNotRegularised"));

        addDaysTo(figures, lines, "daysToFirstCounselling", "days_to_first_counselling", "COUNSELLING_STARTED");
        addDaysTo(figures, lines, "daysToShelterExit", "days_to_shelter_exit", "SHELTER_EXITED");
        addDaysTo(figures, lines, "daysToTrainingCompleted", "days_to_training",
                  "TRAINING_COMPLETED naming the program asked (any program when none is asked)");
        addDaysTo(figures, lines, "daysToEmploymentStarted", "days_to_employment_started",
                  "EMPLOYMENT_STARTED or BUSINESS_STARTED");

        figures.add(count("assessment.journeys", "count(*) filter (where assessments >= 1)",
                          "Journeys with at least one reintegration assessment."));
        figures.add(count("assessment.reassessed", "count(*) filter (where assessments >= 2)",
                          "Journeys with at least two reintegration assessments."));
        lines.add(new Line(JOURNEYS, List.of("assessment.journeys"), "assessment.none"));
        lines.add(new Line("assessment.journeys", List.of("assessment.reassessed"), "assessment.once"));
        for (String dimension : new String[] {"economic", "social", "psychosocial"}) {
            for (String which : new String[] {"first", "latest"}) {
                String column = which + "_" + dimension;
                String prefix = dimension + "." + which;
                String assessment = which.equals("first")
                        ? "first assessment (the earliest assessed; on the same day, the first recorded)"
                        : "latest assessment (the last assessed; on the same day, the last recorded; for a journey "
                          + "assessed once, its only one)";
                figures.add(new Figure(prefix + ".mean", "round(avg(" + column + "), 2)", SCORE,
                                       "Mean %s score of the assessed journeys' %s.".formatted(dimension,
                                                                                               assessment),
                                       List.of("assessment.journeys")));
                List<String> scores = new ArrayList<>();
                for (int score = 1; score <= 5; score++) {
                    scores.add(prefix + ".score" + score);
                    figures.add(count(prefix + ".score" + score,
                                      "count(*) filter (where " + column + " = " + score + ")",
                                      "Assessed journeys whose %s scored %s %d.".formatted(assessment, dimension,
                                                                                           score)));
                }
                lines.add(new Line("assessment.journeys", scores, null));
            }
            figures.add(new Figure(dimension + ".change.mean",
                                   "round(avg(latest_%s - first_%s) filter (where assessments >= 2), 2)"
                                           .formatted(dimension, dimension),
                                   "points on the score scale",
                                   "Mean of latest minus first %s score, over the reassessed journeys."
                                           .formatted(dimension),
                                   List.of("assessment.reassessed")));
        }

        figures.add(count("followUps.journeys", "count(*) filter (where follow_ups_due > 0)", """
                Journeys with at least one follow-up due: completed, marked missed, or still scheduled with a due \
                date before asOf."""));
        figures.add(new Figure("followUps.onTimeRate",
                               "round(sum(follow_ups_on_time)::numeric / nullif(sum(follow_ups_due), 0), 4)",
                               "share of follow-ups, 0 to 1", """
                               Of all the due follow-ups of those journeys together, the share completed on or \
                               before their due date; a missed, late or overdue one is not on time.""",
                               List.of("followUps.journeys")));
        lines.add(new Line(JOURNEYS, List.of("followUps.journeys"), "followUps.none"));

        ALL = List.copyOf(figures);
        LINES = List.copyOf(lines);
    }

    private OutcomeFigures() {
    }

    static List<Figure> counts() {
        return ALL.stream().filter(Figure::isCount).toList();
    }

    private static void addDaysTo(List<Figure> figures, List<Line> lines, String name, String column,
                                  String milestone) {
        figures.add(count(name + ".journeys", "count(" + column + ")",
                          "Journeys with a standing " + milestone + "."));
        figures.add(new Figure(name + ".median",
                               "percentile_disc(0.5) within group (order by " + column + ")", DAYS,
                               "Median days from the intake date to the first standing " + milestone + ".",
                               List.of(name + ".journeys")));
        figures.add(new Figure(name + ".p75",
                               "percentile_disc(0.75) within group (order by " + column + ")", DAYS,
                               "75th percentile of the days from the intake date to the first standing "
                               + milestone + ".",
                               List.of(name + ".journeys")));
        lines.add(new Line(JOURNEYS, List.of(name + ".journeys"), name + ".notReached"));
    }

    private static Figure count(String name, String sql, String definition) {
        return new Figure(name, sql, JOURNEYS, definition, List.of(name));
    }

    /** A rate over counts defined before it, computed from their SQL. */
    private static Figure rate(List<Figure> defined, String name, String numerator, String denominator,
                               String definition) {
        return new Figure(name, "round((%s)::numeric / nullif(%s, 0), 4)".formatted(sqlOf(defined, numerator),
                                                                                     sqlOf(defined, denominator)),
                          SHARE, definition, List.of(numerator, denominator));
    }

    private static String sqlOf(List<Figure> defined, String count) {
        return defined.stream().filter(f -> f.name().equals(count)).findFirst().orElseThrow().sql();
    }
}
