package org.homeward.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.homeward.access.Provenance;
import org.homeward.access.Role;
import org.homeward.app.bench.Load.Result;
import org.homeward.journey.ConsentPurpose;
import org.homeward.journey.MilestoneType;
import org.homeward.journey.OpenJourney;
import org.homeward.journey.Profile;
import org.homeward.journey.RecordMilestone;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Homeward's speed side by side with its ceilings, in one run against one PostgreSQL server: recording milestones
 * through HTTP and through Axon's command gateway in this JVM, raw single-row inserts of the same event rows, the
 * same HTTP workload under Axon's out-of-the-box processor settings, projection lag and timeline reads under
 * writes, and a full rebuild of the timeline from a large event store against a raw ordered scan of it.
 * Every figure comes from synthetic journeys generated here from a fixed seed.
 *
 * <p>{@code deploy/bench/run.sh [--smoke]} runs it; the smoke mode proves in seconds that every part still works.
 */
public final class Bench {

    /**
     * How long each load runs, at which concurrencies, and how big the rebuilt store is. {@code writers} is the
     * concurrency of the comparisons (ratios, lag and reads under load): 16 in the full run, as the goals say.
     */
    public record Settings(Duration warmUp, Duration measure, int[] clients, int writers, int rebuildJourneys,
                           int rebuildEventsPerJourney, int timelineMilestones, int[] scaleJourneys,
                           int scaleEventsPerJourney) {

        public static Settings full() {
            // in BENCH_JAVA_OPTS, for trying a setting quickly on smaller stores: -Dbench.rebuild-journeys=4000
            // (the rebuild part's store) and -Dbench.scale-journeys=1000,10000 (the steps of the scale curve)
            int[] scale = Arrays.stream(System.getProperty("bench.scale-journeys", "10000,100000,1000000").split(","))
                                .mapToInt(Integer::parseInt).toArray();
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(20), new int[] {1, 16, 64}, 16,
                                Integer.getInteger("bench.rebuild-journeys", 20_000), 50, 200, scale, 10);
        }

        /**
         * Few clients: the raw inserts open one connection each, and the test suite shares the server. Short loads:
         * with no warm-up every client's first step is in the window, so each load has a figure however short.
         */
        public static Settings smoke() {
            return new Settings(Duration.ZERO, Duration.ofMillis(250), new int[] {1, 2, 4}, 2, 40, 50, 20,
                                new int[] {20, 60}, 10);
        }

        int rebuildEvents() {
            return rebuildJourneys * rebuildEventsPerJourney;
        }
    }

    /** One line of the results: what was measured, the figure, and the goal it is held against, if any. */
    public record Line(String measure, String figure, String goal) {
    }

    /** What a run answers: the machine and the tables as markdown, and the charts by file name. */
    public record Report(String text, Map<String, String> charts) {
    }

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final LocalDate INTAKE = LocalDate.now().minusDays(400);
    /** Milestones that need neither a program nor an outcome, as most of a journey's are. */
    static final List<MilestoneType> EVERYDAY = List.of(
            MilestoneType.SHELTER_ENTERED, MilestoneType.MEDICAL_CHECKUP_DONE, MilestoneType.COUNSELLING_STARTED,
            MilestoneType.SUPPORT_GROUP_JOINED, MilestoneType.LEGAL_COUNSEL_ASSIGNED,
            MilestoneType.IDENTITY_DOCUMENTS_OBTAINED, MilestoneType.FAMILY_CONTACT_RESTORED,
            MilestoneType.FOLLOW_UP_VISIT_HELD, MilestoneType.SAFETY_PLAN_AGREED, MilestoneType.HOUSING_SECURED);
    /** The five processors of the read side, all of which see every write. */
    private static final List<String> PROJECTIONS = List.of("timeline", "caseload", "programs", "audit", "outcomes");

    private final Settings settings;
    private final Supplier<String> freshDatabase;
    private final Path keys;
    private final List<Line> lines = new ArrayList<>();
    private final Map<String, Result> results = new HashMap<>();

    private Bench(Settings settings, Supplier<String> freshDatabase, Path keys) {
        this.settings = settings;
        this.freshDatabase = freshDatabase;
        this.keys = keys;
    }

    /**
     * {@code [--smoke] [--only writes|durability|rebuild|scale] [--server jdbc:postgresql://127.0.0.1:5432/]
     * [--out results.md]}: fresh databases are created on the server ({@code BENCH_SERVER}, else the local one;
     * see {@link Databases} for the user) and dropped afterwards. {@code --only} runs one part, for trying a
     * setting quickly. The charts are written beside the results.
     */
    public static void main(String[] args) throws Exception {
        Settings settings = Settings.full();
        String server = System.getenv().getOrDefault("BENCH_SERVER", "jdbc:postgresql://127.0.0.1:5432/");
        Path out = null;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> settings = Settings.smoke();
                case "--only" -> only = args[++i];
                case "--server" -> server = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Databases databases = new Databases(server);
        try {
            Report report = run(settings, databases::create, only);
            System.out.println(report.text());
            if (out != null) {
                Files.writeString(out, report.text());
                for (Map.Entry<String, String> chart : report.charts().entrySet()) {
                    Files.writeString(out.resolveSibling(chart.getKey()), chart.getValue());
                }
            }
        } finally {
            databases.dropAll();
        }
        System.exit(0);
    }

    /** Runs every measurement and answers the report: the machine, then the tables, and the charts. */
    public static Report run(Settings settings, Supplier<String> freshDatabase) throws Exception {
        return run(settings, freshDatabase, null);
    }

    /** @param only "writes", "durability", "rebuild" or "scale" for that part alone; null for all */
    static Report run(Settings settings, Supplier<String> freshDatabase, String only) throws Exception {
        Path keys = Files.createTempDirectory("homeward-bench-keys");
        Bench bench = new Bench(settings, freshDatabase, keys);
        String machine;
        String shipped = freshDatabase.get();
        try (RunningHomeward homeward = new RunningHomeward(shipped, keys, Map.of())) {
            machine = Machine.describe(homeward.jdbc());
            if (only == null || only.equals("writes")) {
                bench.writes(homeward);
                bench.raw(homeward.jdbc(), shipped);
            }
        }
        if (only == null || only.equals("writes")) {
            bench.axonDefaults();
        }
        if (only == null || only.equals("durability")) {
            bench.durability();
        }
        if (only == null || only.equals("rebuild")) {
            bench.rebuild();
        }
        String text = machine + "\n" + table(bench.lines);
        if (only == null || only.equals("scale")) {
            ScaleCurve.Curves scale = ScaleCurve.measure(settings, freshDatabase.get(), keys, bench);
            text += "\n## Costs as the store grows\n\n" + scale.table() + "\n"
                    + scale.charts().keySet().stream().map(name -> "![%s](%s)".formatted(name, name))
                           .collect(Collectors.joining(" ")) + "\n";
            return new Report(text, scale.charts());
        }
        return new Report(text, Map.of());
    }

    /** Record-milestone through HTTP and through the gateway at each concurrency, then reads and lag under load. */
    private void writes(RunningHomeward homeward) throws Exception {
        for (int clients : settings.clients()) {
            boolean counted = clients == settings.writers();
            DatabaseWork before = counted ? settledWork(homeward) : null;
            long eventsBefore = newestEvent(homeward);
            Result result = Load.run(clients, settings.warmUp(), settings.measure(),
                                     c -> Load.timed(new HttpRecorder(homeward, seed(clients, c))::recordNext));
            throughput("record milestone, HTTP, " + clients(clients), result,
                       counted ? "≥ 50% of raw inserts at " + clients : "");
            awaitCaughtUp(homeward, PROJECTIONS);
            if (counted) {
                long appended = newestEvent(homeward) - eventsBefore;
                lines.add(new Line("PostgreSQL work per command, HTTP, " + clients(clients)
                                   + " (commands, 5 projections, audit, keeper; raw INSERT: 1 commit, 1 row)",
                                   settledWork(homeward).minus(before).per(appended), ""));
            }
        }
        CommandGateway gateway = homeward.bean(CommandGateway.class);
        for (int clients : settings.clients()) {
            Result result = Load.run(clients, settings.warmUp(), settings.measure(),
                                     c -> Load.timed(new GatewayRecorder(gateway, seed(clients, c) + 1)::recordNext));
            throughput("record milestone, command gateway in-process, " + clients(clients), result, "");
            awaitCaughtUp(homeward, PROJECTIONS);
        }
        String longJourney = longJourney(homeward);
        // the same read with nothing else running: what the read costs itself, apart from waiting for the CPU
        Result idle = Load.run(1, settings.warmUp(), settings.measure(),
                               c -> Load.timed(() -> homeward.get("/api/v1/journeys/" + longJourney + "/timeline")));
        lines.add(new Line("timeline read, journey of " + settings.timelineMilestones() + " milestones, no writes",
                           millis(idle), ""));
        UnderLoad underLoad = underLoad(homeward, longJourney);
        throughput(alongside() + ", shipped processors", underLoad.writes(), "");
        lines.add(new Line("projection lag, command acknowledged to visible in timeline, " + writers(),
                           millis(underLoad.lag()), ""));
        lines.add(new Line("timeline read, journey of " + settings.timelineMilestones() + " milestones, " + writers(),
                           millis(underLoad.reads()), "p99 < 5 ms"));
    }

    /** Adds a throughput line and keeps its result for the ratios. */
    private void throughput(String measure, Result result, String goal) {
        lines.add(new Line(measure, rate(result), goal));
        results.put(measure, result);
    }

    /** Measured during one load of HTTP writers: projection lag and timeline reads. */
    private record UnderLoad(Result writes, Result lag, Result reads) {
    }

    private UnderLoad underLoad(RunningHomeward homeward, String longJourney) throws Exception {
        CompletableFuture<Result> writes = async(() -> Load.run(settings.writers(), settings.warmUp(), settings.measure(),
                c -> Load.timed(new HttpRecorder(homeward, seed(160, c))::recordNext)));
        CompletableFuture<Result> lag = async(() -> Load.run(1, settings.warmUp(), settings.measure(),
                c -> new LagProbe(homeward, seed(161, c))::measure));
        CompletableFuture<Result> reads = async(() -> Load.run(1, settings.warmUp(), settings.measure(),
                c -> Load.timed(() -> homeward.get("/api/v1/journeys/" + longJourney + "/timeline"))));
        return new UnderLoad(writes.get(), lag.get(), reads.get());
    }

    /** The same single-row INSERT of the same event row, one transaction each, on a copy of the event table. */
    private void raw(JdbcTemplate jdbc, String databaseUrl) throws Exception {
        Map<String, Object> template = jdbc.queryForMap(
                "select type, time_stamp, payload_type, payload, meta_data from domain_event_entry"
                + " where payload_type like '%MilestoneRecorded' order by global_index desc limit 1");
        jdbc.execute("create table bench_raw_event (like domain_event_entry including all)");
        for (int clients : settings.clients()) {
            List<RawInserter> inserters = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                inserters.add(new RawInserter(databaseUrl, template));
            }
            Result result = Load.run(clients, settings.warmUp(), settings.measure(), c -> inserters.get(c)::insertNext);
            for (RawInserter inserter : inserters) {
                inserter.close();
            }
            throughput("raw single-row INSERT of the same event row over JDBC, " + clients(clients), result, "");
        }
        String at = clients(settings.writers());
        lines.add(new Line("Homeward HTTP / raw INSERT, " + at,
                           ratio(results.get("record milestone, HTTP, " + at),
                                 results.get("raw single-row INSERT of the same event row over JDBC, " + at)),
                           "≥ 0.50"));
    }

    /**
     * The same HTTP workload under load with Axon's out-of-the-box settings: every projection a tracking
     * processor with one thread, one segment and batches of one event, and the storage engine's default gap
     * timeout (our engine differs from Axon's default in nothing else).
     */
    private void axonDefaults() throws Exception {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("homeward.event-store.gap-timeout", "60s");
        for (String projection : PROJECTIONS) {
            String prefix = "axon.eventhandling.processors." + projection + ".";
            defaults.put(prefix + "mode", "tracking");
            defaults.put(prefix + "batch-size", 1);
            defaults.put(prefix + "thread-count", 1);
            defaults.put(prefix + "initial-segment-count", 1);
        }
        try (RunningHomeward homeward = new RunningHomeward(freshDatabase.get(), keys, defaults)) {
            for (String projection : PROJECTIONS) {
                // guards the comparison itself: the overrides must really have replaced the shipped settings
                if (!(homeward.bean(EventProcessingConfiguration.class).eventProcessor(projection)
                              .orElseThrow() instanceof TrackingEventProcessor)) {
                    throw new IllegalStateException(projection + " is not on Axon's default processor");
                }
            }
            String longJourney = longJourney(homeward);
            UnderLoad underLoad = underLoad(homeward, longJourney);
            throughput(alongside() + ", Axon's default processors", underLoad.writes(), "");
            lines.add(new Line("Homeward / Axon defaults, " + alongside(),
                               ratio(results.get(alongside() + ", shipped processors"), underLoad.writes()), ""));
            lines.add(new Line("projection lag, " + writers() + ", Axon's default processors",
                               millis(underLoad.lag()), ""));
            lines.add(new Line("timeline read, journey of " + settings.timelineMilestones() + " milestones, "
                               + writers() + ", Axon's default processors", millis(underLoad.reads()), ""));
        }
    }

    /**
     * The cost of durability, side by side: the same HTTP writers on a fresh database of the configured server as
     * shipped to it (synchronous commit), on one with {@code synchronous_commit=off} (not durable: a crash of the
     * server loses the last acknowledged commits; for comparison only), and on the embedded default.
     */
    private void durability() throws Exception {
        String at = "record milestone, HTTP, " + clients(settings.writers()) + ", ";
        String durable = freshDatabase.get();
        Result configured = sixteenWriters(new RunningHomeward(durable, keys, Map.of()),
                                           at + "configured server, %s");
        String relaxed = freshDatabase.get();
        try (Connection connection = Databases.connect(relaxed); Statement statement = connection.createStatement()) {
            String name = relaxed.substring(relaxed.lastIndexOf('/') + 1);
            statement.execute("alter database " + name + " set synchronous_commit = off");
        }
        Result notDurable = sixteenWriters(new RunningHomeward(relaxed, keys, Map.of()),
                                           at + "configured server, %s, not durable, for comparison");
        Path directory = Files.createTempDirectory("homeward-bench-embedded");
        try {
            Result embedded = sixteenWriters(RunningHomeward.embedded(directory, keys), at + "embedded default, %s");
            lines.add(new Line("embedded default / configured server, HTTP, " + clients(settings.writers()),
                               ratio(embedded, configured), ""));
        } finally {
            FileSystemUtils.deleteRecursively(directory);
        }
        lines.add(new Line("cost of durability: configured server synchronous_commit=on / off",
                           ratio(configured, notDurable), ""));
    }

    /** HTTP writers at the comparisons' concurrency; the line names the database's durability settings. */
    private Result sixteenWriters(RunningHomeward started, String measure) throws Exception {
        try (RunningHomeward homeward = started) {
            String durability = "synchronous_commit=%s, fsync=%s".formatted(
                    homeward.jdbc().queryForObject("show synchronous_commit", String.class),
                    homeward.jdbc().queryForObject("show fsync", String.class));
            Result result = Load.run(settings.writers(), settings.warmUp(), settings.measure(),
                                     c -> Load.timed(new HttpRecorder(homeward, seed(170, c))::recordNext));
            throughput(measure.formatted(durability), result, "");
            return result;
        }
    }

    /**
     * A large store written straight into the event table (real serialized events of synthetic journeys), every
     * processor placed at its head, then the timeline rebuilt from the start while nothing else runs.
     */
    private void rebuild() throws Exception {
        String database = freshDatabase.get();
        Map<String, Object> quiet = Map.of("homeward.integrity.keeper-enabled", false);
        try (RunningHomeward homeward = new RunningHomeward(database, keys, quiet)) {
            GatewayRecorder recorder = new GatewayRecorder(homeward.bean(CommandGateway.class), 7);
            recorder.recordNext();
            EventStoreFiller.fill(homeward.jdbc(), homeward.bean(PlatformTransactionManager.class),
                                  recorder.journeyId, 1, settings.rebuildJourneys(),
                                  settings.rebuildEventsPerJourney(), EVERYDAY);
        }
        EventStoreFiller.placeProcessorsAtHead(database);
        long events;
        try (RunningHomeward homeward = new RunningHomeward(database, keys, quiet)) {
            JdbcTemplate jdbc = homeward.jdbc();
            events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            awaitCaughtUp(homeward, PROJECTIONS);
            double scan = EventStoreFiller.rawScan(database);
            lines.add(new Line("raw ordered scan of the same event table over JDBC",
                               "%s events/s".formatted(count(Math.round(events / scan))), ""));
            for (String projection : PROJECTIONS) {
                HeapWatch heap = HeapWatch.start();
                double seconds = rebuild(homeward, List.of(projection));
                heap.stop();
                lines.add(new Line("rebuild of the " + projection + " from " + count(events) + " events",
                                   rebuildRate(events, seconds, scan),
                                   projection.equals("timeline") ? "≥ 100,000 events/s" : "≥ 50% of the raw scan"));
                if (projection.equals("timeline")) {
                    lines.add(new Line("heap of this JVM during the timeline rebuild: peak used / peak live after a"
                                       + " collection",
                                       "%d MB / %d MB (max heap %d MB)".formatted(heap.peakUsed() >> 20,
                                                                                 heap.peakLive() >> 20,
                                                                                 Runtime.getRuntime().maxMemory() >> 20),
                                       "< 512 MB"));
                }
            }
            HeapWatch heap = HeapWatch.start();
            double seconds = rebuild(homeward, PROJECTIONS);
            heap.stop();
            lines.add(new Line("rebuild of all five projections at once from " + count(events) + " events",
                               rebuildRate(events, seconds, scan) + " · heap peak live %d MB".formatted(
                                       heap.peakLive() >> 20), ""));
        }
    }

    /** Rebuilds the projections together and answers the seconds until every one of them has caught up. */
    static double rebuild(RunningHomeward homeward, List<String> projections) throws InterruptedException {
        System.gc();
        long start = System.nanoTime();
        for (String projection : projections) {
            homeward.administer("POST", "/api/v1/admin/projections/" + projection + "/rebuild");
        }
        awaitCaughtUp(homeward, projections);
        return (System.nanoTime() - start) / 1e9;
    }

    private static String rebuildRate(long events, double seconds, double scanSeconds) {
        return "%s events/s (%.1f s, %.0f%% of the raw scan)".formatted(count(Math.round(events / seconds)), seconds,
                                                                     100 * scanSeconds / seconds);
    }

    /**
     * Polls the heap while a rebuild runs: the most used at any moment (garbage included, as jvm.memory.used
     * shows it), and the most still in use right after a collection, which is what the rebuild really needs.
     */
    static final class HeapWatch implements Runnable {

        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        private final Thread thread = new Thread(this, "bench-heap-watch");
        private volatile boolean running = true;
        private volatile long peakUsed;
        private volatile long peakLive;

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            watch.thread.setDaemon(true);
            watch.thread.start();
            return watch;
        }

        @Override
        public void run() {
            while (running) {
                peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                long live = pools.stream().map(MemoryPoolMXBean::getCollectionUsage)
                                 .mapToLong(usage -> usage == null ? 0 : usage.getUsed()).sum();
                peakLive = Math.max(peakLive, live);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peakUsed() {
            return peakUsed;
        }

        long peakLive() {
            return peakLive;
        }
    }

    /** The database's counters once every backend has reported its share (not waited for in the smoke mode). */
    private DatabaseWork settledWork(RunningHomeward homeward) throws InterruptedException {
        Thread.sleep(settings.warmUp().isZero() ? 0 : DatabaseWork.SETTLE.toMillis());
        return DatabaseWork.of(homeward.jdbc());
    }

    private static long newestEvent(RunningHomeward homeward) {
        Long newest = homeward.jdbc().queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return newest == null ? 0 : newest;
    }

    /**
     * Waits until the projections have applied every event: a load leaves a backlog behind, and working it off
     * would otherwise take the CPU from the next measurement (and a read would wait for it).
     */
    private static void awaitCaughtUp(RunningHomeward homeward, List<String> projections)
            throws InterruptedException {
        while (true) {
            JsonNode progress = json.readTree(homeward.administer("GET", "/api/v1/admin/projections"));
            boolean caughtUp = progress.valueStream()
                    .filter(p -> projections.contains(p.path("projection").asString()))
                    .allMatch(p -> !p.path("rebuilding").asBoolean() && p.path("behind").asLong() == 0);
            if (caughtUp) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /**
     * A journey with the long history of the timeline-read measurement, recorded through the gateway; answered
     * once its timeline shows all of it.
     */
    String longJourney(RunningHomeward homeward) throws Exception {
        GatewayRecorder recorder = new GatewayRecorder(homeward.bean(CommandGateway.class), 42);
        recorder.open();
        recorder.left = Integer.MAX_VALUE;
        for (int i = 0; i < settings.timelineMilestones(); i++) {
            recorder.recordNext();
        }
        String journey = recorder.journeyId.toString();
        awaitCaughtUp(homeward, List.of("timeline"));
        homeward.get("/api/v1/journeys/" + journey + "/timeline?minVersion=" + settings.timelineMilestones());
        return journey;
    }

    /** Journeys of 20 to 60 milestones, as a case manager records them: the next milestone, or a new journey. */
    abstract static class Recorder {

        final Random random;
        int left;
        int recorded;

        Recorder(long seed) {
            random = new Random(seed);
        }

        final void recordNext() throws Exception {
            if (left == 0) {
                open();
                left = 20 + random.nextInt(41);
                recorded = 0;
            }
            record(EVERYDAY.get(random.nextInt(EVERYDAY.size())), INTAKE.plusDays(recorded % 365));
            recorded++;
            left--;
        }

        abstract void open() throws Exception;

        abstract void record(MilestoneType type, LocalDate occurredOn) throws Exception;
    }

    static final class HttpRecorder extends Recorder {

        private final RunningHomeward homeward;
        private String journeyId;
        private String lastAnswer;

        HttpRecorder(RunningHomeward homeward, long seed) {
            super(seed);
            this.homeward = homeward;
        }

        @Override
        void open() {
            journeyId = json.readTree(homeward.post("/api/v1/journeys", """
                    {"organisationId": "%s", "caseManagerId": "cm-bench", "intakeDate": "%s",
                     "profile": {"ageBand": "FROM_18_TO_24", "gender": "FEMALE", "nationality": "MD",
                                 "formOfExploitation": "FORCED_LABOUR"},
                     "consentGiven": ["CASE_MANAGEMENT", "PROGRAM_EVALUATION"]}"""
                    .formatted(RunningHomeward.ORGANISATION, INTAKE))).path("journeyId").asString();
        }

        @Override
        void record(MilestoneType type, LocalDate occurredOn) {
            lastAnswer = homeward.post("/api/v1/journeys/" + journeyId + "/milestones",
                                       "{\"type\": \"%s\", \"occurredOn\": \"%s\"}".formatted(type, occurredOn));
        }
    }

    static final class GatewayRecorder extends Recorder {

        private static final Map<String, String> PROVENANCE = new Provenance(
                "sv-bench", Role.SUPERVISOR, RunningHomeward.ORGANISATION, "bench", "bench").asMetaData();

        private final CommandGateway gateway;
        UUID journeyId;

        GatewayRecorder(CommandGateway gateway, long seed) {
            super(seed);
            this.gateway = gateway;
        }

        @Override
        void open() {
            journeyId = new UUID(random.nextLong(), random.nextLong());
            send(new OpenJourney(journeyId, RunningHomeward.ORGANISATION, "cm-bench", INTAKE,
                                 new Profile(Profile.AgeBand.FROM_18_TO_24, Profile.Gender.FEMALE, "MD",
                                             Profile.FormOfExploitation.FORCED_LABOUR),
                                 null, Set.of(ConsentPurpose.CASE_MANAGEMENT, ConsentPurpose.PROGRAM_EVALUATION),
                                 "sv-bench", null, Instant.now()));
        }

        @Override
        void record(MilestoneType type, LocalDate occurredOn) {
            send(new RecordMilestone(journeyId, new UUID(random.nextLong(), random.nextLong()), type, occurredOn,
                                     null, null, null, Instant.now(), null));
        }

        private void send(Object command) {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(PROVENANCE));
        }
    }

    /** Records a milestone through HTTP, then measures how long until the timeline shows the journey's version. */
    private static final class LagProbe {

        private final HttpRecorder recorder;
        private final JdbcTemplate jdbc;

        LagProbe(RunningHomeward homeward, long seed) {
            recorder = new HttpRecorder(homeward, seed);
            jdbc = homeward.jdbc();
        }

        long measure() throws Exception {
            recorder.recordNext();
            long acknowledged = System.nanoTime();
            long version = json.readTree(recorder.lastAnswer).path("version").asLong();
            while (true) {
                List<Long> seen = jdbc.queryForList("select version from timeline_journey where journey_id = ?::uuid",
                                                    Long.class, recorder.journeyId);
                if (!seen.isEmpty() && seen.get(0) >= version) {
                    long lag = System.nanoTime() - acknowledged;
                    Thread.sleep(20);
                    return lag;
                }
                Thread.sleep(0, 200_000);
            }
        }
    }

    /** One connection, one journey at a time, each event row inserted and committed on its own. */
    private static final class RawInserter implements AutoCloseable {

        private final Connection connection;
        private final PreparedStatement insert;
        private final Map<String, Object> template;
        private String aggregate = UUID.randomUUID().toString();
        private long sequence;

        RawInserter(String databaseUrl, Map<String, Object> template) {
            try {
                connection = Databases.connect(databaseUrl);
                insert = connection.prepareStatement("""
                        insert into bench_raw_event (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        values (?, ?, ?, ?, ?, ?, null, ?, ?)
                        """);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            this.template = template;
        }

        long insertNext() throws SQLException {
            long before = System.nanoTime();
            if (sequence == 50) {
                aggregate = UUID.randomUUID().toString();
                sequence = 0;
            }
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate);
            insert.setLong(3, sequence++);
            insert.setString(4, (String) template.get("type"));
            insert.setString(5, Instant.now().toString());
            insert.setString(6, (String) template.get("payload_type"));
            insert.setBytes(7, (byte[]) template.get("payload"));
            insert.setBytes(8, (byte[]) template.get("meta_data"));
            insert.executeUpdate();
            return System.nanoTime() - before;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    private interface Measurement<T> {
        T run() throws Exception;
    }

    private static <T> CompletableFuture<T> async(Measurement<T> measurement) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return measurement.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The writes measured alongside the lag probe and the timeline reader, for both processor settings. */
    private String alongside() {
        return "record milestone, HTTP, " + clients(settings.writers()) + " alongside lag probe and reader";
    }

    private String writers() {
        return settings.writers() + " HTTP writers";
    }

    private static long seed(int clients, int client) {
        return 1_000L * clients + client;
    }

    private static String rate(Result result) {
        return "%s/s · p50 %.1f ms · p95 %.1f ms · p99 %.1f ms".formatted(count(Math.round(result.perSecond())),
                                                                         result.p50(), result.p95(), result.p99());
    }

    private static String millis(Result result) {
        return "p50 %.1f ms · p99 %.1f ms (%s samples)".formatted(result.p50(), result.p99(), count(result.steps()));
    }

    private static String ratio(Result ours, Result theirs) {
        return String.format(Locale.ROOT, "%.2f", ours.perSecond() / theirs.perSecond());
    }

    private static String clients(int clients) {
        return clients + (clients == 1 ? " client" : " clients");
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String table(List<Line> lines) {
        StringBuilder table = new StringBuilder("| measure | result | goal |\n|---|---|---|\n");
        lines.forEach(line -> table.append("| ").append(line.measure()).append(" | ").append(line.figure())
                                   .append(" | ").append(line.goal()).append(" |\n"));
        return table.toString();
    }
}
