package org.homeward.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OutcomeFiguresTest {

    @Test
    void everyFigureRestsOnCountsThatExistAndEverySumAddsCountsUp() {
        Set<String> counts = OutcomeFigures.counts().stream().map(OutcomeFigures.Figure::name)
                                           .collect(Collectors.toSet());

        OutcomeFigures.ALL.forEach(figure -> assertThat(counts).as(figure.name()).containsAll(figure.basis()));
        OutcomeFigures.LINES.forEach(line -> {
            assertThat(counts).as(line.toString()).contains(line.total()).containsAll(line.parts());
            assertThat(counts).as(line.toString()).doesNotContain(line.rest());
        });
        assertThat(OutcomeFigures.ALL.stream().map(OutcomeFigures.Figure::name).distinct())
                .hasSameSizeAs(OutcomeFigures.ALL);
    }

    @Test
    void percentagesReadAsInAReport() {
        assertThat(OutcomesChart.percent(0.625)).isEqualTo("62.5%");
        assertThat(OutcomesChart.percent(0.3)).isEqualTo("30%");
        assertThat(OutcomesChart.percent(0.4286)).isEqualTo("42.9%");
        assertThat(OutcomesChart.percent(1.0)).isEqualTo("100%");
    }
}
