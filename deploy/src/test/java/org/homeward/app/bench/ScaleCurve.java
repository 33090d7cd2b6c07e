package org.homeward.app.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homeward.app.bench.Load.Result;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Costs as the store grows: one event store filled in steps (100,000, 1,000,000 and 10,000,000 events of 10,000,
 * 100,000 and 1,000,000 journeys in the full run) and at each step, with the keeper on as in use: the keeper
 * chaining what was added, a verification of the whole chain, rebuilds of the timeline (with its heap) and of the
 * outcomes, then one client at a time recording milestones, reading a 200-milestone timeline now and as known at
 * an instant, and querying the outcomes of every journey. Each curve is a table and an SVG chart.
 */
final class ScaleCurve {

    /** The step's application fills the store with nothing else running; a filled store is then taken up fresh. */
    private static final Map<String, Object> FILLING = Map.of("homeward.integrity.keeper-enabled", false);
    /**
     * The keeper on, chaining whatever is two seconds old: here one client writes at a time, so no later commit can
     * fill a hole below a settled event (in use the settle time must outlast the longest transaction).
     */
    private static final Map<String, Object> IN_USE = Map.of("homeward.integrity.keeper-enabled", true,
                                                             "homeward.integrity.keeper-interval", "1s",
                                                             "homeward.integrity.settle-time", "2s");
    private static final JsonMapper json = JsonMapper.builder().build();

    /** One step of the store: its size and what was measured on it. */
    private record Step(long events, long journeys, Result record, Result read, Result readAsOf, Result outcomes,
                        double timelineRebuild, double outcomesRebuild, long rebuildHeapLive, double chaining,
                        double verify, double settled) {
    }

    private final Bench.Settings settings;
    private final Path keys;
    private final List<Step> steps = new ArrayList<>();

    private ScaleCurve(Bench.Settings settings, Path keys) {
        this.settings = settings;
        this.keys = keys;
    }

    /** The curves as a markdown table and as charts by file name. */
    record Curves(String table, Map<String, String> charts) {
    }

    static Curves measure(Bench.Settings settings, String database, Path keys, Bench bench) throws Exception {
        ScaleCurve curve = new ScaleCurve(settings, keys);
        UUID template = null;
        String longJourney = null;
        int filled = 0;
        for (int journeys : settings.scaleJourneys()) {
            long chained;
            long newest;
            try (RunningHomeward homeward = new RunningHomeward(database, keys, FILLING)) {
                if (template == null) {
                    Bench.GatewayRecorder recorder = new Bench.GatewayRecorder(homeward.bean(CommandGateway.class), 7);
                    recorder.recordNext();
                    template = recorder.journeyId;
                }
                EventStoreFiller.fill(homeward.jdbc(), homeward.bean(PlatformTransactionManager.class), template,
                                      filled + 1, journeys - filled, settings.scaleEventsPerJourney(),
                                      Bench.EVERYDAY);
                chained = chainHead(homeward.jdbc());
                newest = homeward.jdbc().queryForObject("select max(global_index) from domain_event_entry",
                                                        Long.class);
            }
            filled = journeys;
            EventStoreFiller.placeProcessorsAtHead(database);
            long starting = System.nanoTime();
            try (RunningHomeward homeward = new RunningHomeward(database, keys, IN_USE)) {
                double chaining = chainingRate(homeward.jdbc(), chained, newest, starting);
                double verify = curve.verifyRate(homeward);
                Bench.HeapWatch heap = Bench.HeapWatch.start();
                long events = storedEvents(homeward);
                double timeline = events / Bench.rebuild(homeward, List.of("timeline"));
                heap.stop();
                double outcomes = events / Bench.rebuild(homeward, List.of("outcomes"));
                if (longJourney == null) {
                    longJourney = bench.longJourney(homeward);
                }
                double settled = awaitVacuumed(homeward.jdbc());
                curve.steps.add(curve.measureReads(homeward, longJourney, events, journeys, timeline, outcomes,
                                                   heap.peakLive(), chaining, verify, settled));
            }
        }
        return curve.curves();
    }

    /**
     * Waits, at most ten minutes, until no autovacuum works on this database, and answers the seconds waited: the
     * rebuilds have just rewritten millions of rows, and a store in use is not read while that cleanup runs on one of
     * the machine's two cores. The p99s are then those of a settled store.
     */
    private static double awaitVacuumed(JdbcTemplate jdbc) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + 600_000_000_000L;
        while (System.nanoTime() < deadline && jdbc.queryForObject("""
                select count(*) from pg_stat_activity
                where datname = current_database() and backend_type = 'autovacuum worker'""", Integer.class) > 0) {
            Thread.sleep(100);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static long storedEvents(RunningHomeward homeward) {
        return homeward.jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /**
     * Events per second the keeper chains the events added in this step ({@code from} up to {@code newest}): timed
     * between the first and the last checkpoint it signs meanwhile (one per 10,000 entries), or, in a store too
     * small for two, from the start of the application.
     */
    private static double chainingRate(JdbcTemplate jdbc, long from, long newest, long starting)
            throws InterruptedException {
        while (chainHead(jdbc) < newest) {
            Thread.sleep(100);
        }
        double wall = (newest - from) / ((System.nanoTime() - starting) / 1e9);
        Double checkpointed = jdbc.queryForObject("""
                select (max(global_index) - min(global_index))
                       / nullif(extract(epoch from max(checkpointed_at) - min(checkpointed_at)), 0)
                from integrity_checkpoint where global_index > ?""", Double.class, from);
        return checkpointed == null ? wall : checkpointed;
    }

    private static long chainHead(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select global_index from integrity_chain_head where id = 1", Long.class);
    }

    /** Events per second of one verification of the whole chain, as an administrator asks for it. */
    private double verifyRate(RunningHomeward homeward) {
        long start = System.nanoTime();
        JsonNode answer = json.readTree(homeward.administer("POST", "/api/v1/audit/verify"));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!answer.path("intact").asBoolean()) {
            throw new IllegalStateException("the chain does not verify: " + answer);
        }
        return answer.path("verifiedUpTo").asLong() / seconds;
    }

    private Step measureReads(RunningHomeward homeward, String longJourney, long events, long journeys,
                              double timelineRebuild, double outcomesRebuild, long heapLive, double chaining,
                              double verify, double settled) throws Exception {
        Result record = Load.run(1, settings.warmUp(), settings.measure(),
                                 c -> Load.timed(new Bench.HttpRecorder(homeward, 700 + steps.size())::recordNext));
        Result read = Load.run(1, settings.warmUp(), settings.measure(),
                               c -> Load.timed(() -> homeward.get("/api/v1/journeys/" + longJourney + "/timeline")));
        Instant known = Instant.now();
        Result readAsOf = Load.run(1, settings.warmUp(), settings.measure(), c -> Load.timed(
                () -> homeward.get("/api/v1/journeys/" + longJourney + "/timeline?asOf=" + known)));
        Result outcomes = Load.run(1, settings.warmUp(), settings.measure(),
                                   c -> Load.timed(() -> homeward.evaluate("/api/v1/outcomes?groupBy=gender")));
        return new Step(events, journeys, record, read, readAsOf, outcomes, timelineRebuild, outcomesRebuild,
                        heapLive, chaining, verify, settled);
    }

    private Curves curves() {
        List<String> columns = steps.stream().map(step -> Bench.count(step.events()) + " events").toList();
        Map<String, ToDoubleFunction<Step>> latency = new LinkedHashMap<>();
        latency.put("record milestone, HTTP, 1 client, p99", step -> step.record().p99());
        latency.put("timeline read, " + settings.timelineMilestones() + " milestones, p99",
                    step -> step.read().p99());
        latency.put("timeline as of an instant, " + (settings.timelineMilestones() + 1) + " events, p99",
                    step -> step.readAsOf().p99());
        latency.put("outcomes of every journey by gender, p99", step -> step.outcomes().p99());
        Map<String, ToDoubleFunction<Step>> rates = new LinkedHashMap<>();
        rates.put("rebuild of the timeline", Step::timelineRebuild);
        rates.put("rebuild of the outcomes", Step::outcomesRebuild);
        rates.put("keeper chaining", Step::chaining);
        rates.put("verify of the whole chain", Step::verify);

        StringBuilder table = new StringBuilder("| measure | ");
        table.append(String.join(" | ", columns)).append(" | largest / second | goal |\n|---|");
        table.append("---|".repeat(columns.size() + 2)).append('\n');
        row(table, "synthetic journeys filled in", step -> step.journeys(), "%,.0f", "", "");
        row(table, "wait for autovacuum after the rebuilds, before the p99s (s)", Step::settled, "%,.0f", "", "");
        latency.forEach((name, figure) -> row(table, name + " (ms)", figure, "%.1f", growth(figure),
                                              name.startsWith("record") || name.startsWith("timeline read")
                                              ? "within 20%" : ""));
        rates.forEach((name, figure) -> row(table, name + " (events/s)", figure, "%,.0f", growth(figure), ""));
        row(table, "heap during the timeline rebuild, peak live after a collection (MB)",
            step -> step.rebuildHeapLive() >> 20, "%,.0f", "", "< 512 MB at the largest");

        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("scale-latency.svg", SvgChart.lines("p99 as the store grows (one client at a time)", "ms",
                                                       columns, series(latency)));
        charts.put("scale-throughput.svg", SvgChart.lines("Throughput as the store grows", "events/s", columns,
                                                          series(rates)));
        return new Curves(table.toString(), charts);
    }

    private void row(StringBuilder table, String measure, ToDoubleFunction<Step> figure, String format,
                     String growth, String goal) {
        table.append("| ").append(measure).append(" | ");
        steps.forEach(step -> table.append(String.format(Locale.ROOT, format, figure.applyAsDouble(step)))
                                   .append(" | "));
        table.append(growth).append(" | ").append(goal).append(" |\n");
    }

    /** The largest step against the one before it, as a change in percent. */
    private String growth(ToDoubleFunction<Step> figure) {
        if (steps.size() < 2) {
            return "";
        }
        double largest = figure.applyAsDouble(steps.get(steps.size() - 1));
        double second = figure.applyAsDouble(steps.get(steps.size() - 2));
        return String.format(Locale.ROOT, "%+.0f%%", 100 * (largest / second - 1));
    }

    private Map<String, List<Double>> series(Map<String, ToDoubleFunction<Step>> figures) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        figures.forEach((name, figure) -> series.put(name, steps.stream().map(figure::applyAsDouble).toList()));
        return series;
    }
}
