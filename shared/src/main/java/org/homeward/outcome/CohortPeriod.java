package org.homeward.outcome;

/** How intakes are grouped into cohorts: by the calendar month, quarter or year of the intake date. */
public enum CohortPeriod {
    MONTH("month"),
    QUARTER("quarter"),
    YEAR("year");

    private final String parameter;

    CohortPeriod(String parameter) {
        this.parameter = parameter;
    }

    /** The word an evaluator writes in a request: {@code cohort=quarter}. */
    public String parameter() {
        return parameter;
    }
}
