package org.homeward.outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Outcome figures per intake cohort, never a person: every figure counts or summarises journeys, and any figure
 * that could single out fewer than {@code suppressionThreshold} journeys is withheld.
 *
 * @param cohort  the cohort period as requested: month, quarter or year
 * @param from    first day of the first cohort asked for; null when no lower bound was asked
 * @param to      last day of the last cohort asked for; null when no upper bound was asked
 * @param groupBy the profile field of the breakdown as requested; null for totals only
 * @param asOf    the day the "at 6 and 12 months" and follow-up figures were judged on
 * @param rows    per cohort, oldest first: the cohort's total row, then one row per group present
 */
public record Outcomes(UUID programId, String organisationId, String cohort, LocalDate from, LocalDate to,
                       String groupBy, int suppressionThreshold, LocalDate asOf, List<Row> rows) {

    /** The group of a cohort's total row. */
    public static final String ALL = "all";

    /**
     * @param cohort     label such as 2026-01, 2026-Q1 or 2026
     * @param group      {@link #ALL}, or the profile value of the breakdown, such as FEMALE
     * @param figures    every figure by name, in the order of the definitions; null when withheld or undefined
     * @param suppressed the names of the figures withheld to protect small groups
     */
    public record Row(String cohort, LocalDate startsOn, LocalDate endsOn, String group, Map<String, Number> figures,
                      List<String> suppressed) {
    }
}
