package org.homeward.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.homeward.query.support.TestDatabases;
import org.junit.jupiter.api.Test;

/** The bench in its smoke mode, so a change that breaks it is noticed; its figures mean nothing at this size. */
class BenchSmokeTest {

    @Test
    void everyMeasurementGivesAFigure() throws Exception {
        Bench.Report run = Bench.run(Bench.Settings.smoke(), TestDatabases::create);
        String report = run.text();

        assertThat(report).contains("- machine:", "- PostgreSQL:", "synchronous_commit=");
        String main = report.substring(0, report.indexOf("## Costs as the store grows"));
        String scale = report.substring(report.indexOf("## Costs as the store grows"));
        assertThat(main.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| measure")))
                .hasSize(32)
                .allSatisfy(line -> assertThat(line).containsPattern("\\| [^|]*\\d[^|]* \\|"));
        assertThat(report).doesNotContain("not measured");
        assertThat(report).contains("record milestone, HTTP, 4 clients", "command gateway in-process, 2 clients",
                                    "raw single-row INSERT", "PostgreSQL work per command",
                                    "Homeward HTTP / raw INSERT", "Axon's default processors", "projection lag",
                                    "timeline read", "rebuild of the timeline from 2,002 events", "raw ordered scan",
                                    "rebuild of the outcomes from 2,002 events",
                                    "heap of this JVM during the timeline rebuild",
                                    "rebuild of all five projections at once",
                                    "configured server, synchronous_commit=on",
                                    "configured server, synchronous_commit=off",
                                    "embedded default, synchronous_commit=on, fsync=on",
                                    "cost of durability");
        // every row of the scale curve has a figure for each of the two steps, and both charts a line per row
        assertThat(scale).containsPattern("\\| measure \\| 202 events \\| [\\d,]+ events \\|")
                .contains("verify of the whole chain", "outcomes of every journey", "timeline as of an instant");
        assertThat(scale.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| measure")))
                .hasSize(11)
                .allSatisfy(line -> assertThat(line).containsPattern("^\\| [^|]+ \\| [\\d.,]+ \\| [\\d.,]+ \\|"));
        assertThat(run.charts()).containsOnlyKeys("scale-latency.svg", "scale-throughput.svg");
        assertThat(run.charts().get("scale-latency.svg")).startsWith("<svg").contains("timeline as of an instant")
                .containsPattern("<polyline [^>]*points=\"[\\d.]+,[\\d.]+ [\\d.]+,[\\d.]+\"");
    }
}
