package org.homeward.query.outcomes;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import org.homeward.outcome.CohortPeriod;

/** Intake cohorts: whole calendar months, quarters or years of intake dates. */
final class Cohorts {

    private Cohorts() {
    }

    /** The first day of the cohort holding {@code day}. */
    static LocalDate start(CohortPeriod period, LocalDate day) {
        return switch (period) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The last day of the cohort holding {@code day}. */
    static LocalDate end(CohortPeriod period, LocalDate day) {
        LocalDate start = start(period, day);
        return switch (period) {
            case MONTH -> start.plusMonths(1).minusDays(1);
            case QUARTER -> start.plusMonths(3).minusDays(1);
            case YEAR -> start.plusYears(1).minusDays(1);
        };
    }

    /** 2026-01, 2026-Q1 or 2026. */
    static String label(CohortPeriod period, LocalDate day) {
        return switch (period) {
            case MONTH -> "%d-%02d".formatted(day.getYear(), day.getMonthValue());
            case QUARTER -> "%d-Q%d".formatted(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR));
            case YEAR -> Integer.toString(day.getYear());
        };
    }

    /** The unit PostgreSQL's date_trunc takes for the period. */
    static String truncation(CohortPeriod period) {
        return switch (period) {
            case MONTH -> "month";
            case QUARTER -> "quarter";
            case YEAR -> "year";
        };
    }
}
