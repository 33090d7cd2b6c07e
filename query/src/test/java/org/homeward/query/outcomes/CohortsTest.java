package org.homeward.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.outcome.CohortPeriod.MONTH;
import static org.homeward.outcome.CohortPeriod.QUARTER;
import static org.homeward.outcome.CohortPeriod.YEAR;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CohortsTest {

    private static final LocalDate DAY = LocalDate.of(2024, 8, 17);

    @Test
    void cohortsAreWholeCalendarPeriods() {
        assertThat(Cohorts.start(MONTH, DAY)).isEqualTo("2024-08-01");
        assertThat(Cohorts.end(MONTH, DAY)).isEqualTo("2024-08-31");
        assertThat(Cohorts.start(QUARTER, DAY)).isEqualTo("2024-07-01");
        assertThat(Cohorts.end(QUARTER, DAY)).isEqualTo("2024-09-30");
        assertThat(Cohorts.start(YEAR, DAY)).isEqualTo("2024-01-01");
        assertThat(Cohorts.end(YEAR, DAY)).isEqualTo("2024-12-31");
        assertThat(Cohorts.end(MONTH, LocalDate.of(2024, 2, 3))).isEqualTo("2024-02-29");
    }

    @Test
    void labelsReadAsEvaluatorsWriteThem() {
        assertThat(Cohorts.label(MONTH, DAY)).isEqualTo("2024-08");
        assertThat(Cohorts.label(QUARTER, DAY)).isEqualTo("2024-Q3");
        assertThat(Cohorts.label(YEAR, DAY)).isEqualTo("2024");
    }
}
