package org.homeward.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.homeward.query.support.TestDatabases;
import org.junit.jupiter.api.Test;

/** The bench in its smoke mode, so a change that breaks it is noticed; its figures mean nothing at this size. */
class BenchSmokeTest {

    @Test
    void everyMeasurementGivesAFigure() throws Exception {
        String report = Bench.run(Bench.Settings.smoke(), TestDatabases::create);

        assertThat(report).contains("- machine:", "- PostgreSQL:", "synchronous_commit=");
        assertThat(report.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| measure")))
                .hasSize(27)
                .allSatisfy(line -> assertThat(line).containsPattern("\\| [^|]*\\d[^|]* \\|"));
        assertThat(report).doesNotContain("not measured");
        assertThat(report).contains("record milestone, HTTP, 4 clients", "command gateway in-process, 2 clients",
                                    "raw single-row INSERT", "PostgreSQL work per command",
                                    "Homeward HTTP / raw INSERT", "Axon's default processors", "projection lag",
                                    "timeline read", "rebuild of the timeline from 2,002 events", "raw ordered scan",
                                    "rebuild of the outcomes from 2,002 events",
                                    "heap of this JVM during the timeline rebuild",
                                    "rebuild of all five projections at once");
    }
}
