package org.homeward.app.faults;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.homeward.app.database.OutcomesFromReplica;

/**
 * A cluster on this one machine (deploy/cluster/run.sh): a PostgreSQL primary with a synchronous streaming
 * replica, two command and two query processes of Homeward (the query processes read outcomes on the replica),
 * HAProxy in front. Case managers write milestones and
 * read their timelines back (read-your-writes, with {@code minVersion}), an evaluator queries outcomes, an auditor
 * lists the audit trail and verifies the chain, all through the balancer. Mid-load one command and one query
 * process are killed (the query process holding the most segments). Then every acknowledged write is looked for
 * on the primary and on the replica, and every projection is compared with its replay of the events.
 *
 * <pre>
 *   ClusterRun [--short] [--jar deploy/target/homeward.jar] [--keep]
 * </pre>
 */
public final class ClusterRun {

    private final Path work;
    private final boolean quick;
    private final PrintStream out;
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean stopped;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final AtomicLong readYourWritesMisses = new AtomicLong();
    private final AtomicLong chainBroken = new AtomicLong();
    private final AtomicLong maxBehind = new AtomicLong();
    private final AtomicLong maxReplayLagMs = new AtomicLong();
    private final AtomicLong outcomesSessionsOnReplica = new AtomicLong();

    private ClusterRun(Path work, boolean quick, PrintStream out) {
        this.work = work;
        this.quick = quick;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out) ? 0 : 1);
    }

    /** Runs the cluster through its load and kills; answers whether every check held. */
    public static boolean run(String[] args, PrintStream out) throws Exception {
        List<String> arguments = Arrays.asList(args);
        Path work = Files.createTempDirectory("homeward-cluster-");
        Homeward.useJarOf(arguments, work);
        out.println("cluster run in " + work);
        Outcome outcome = new ClusterRun(work, arguments.contains("--short"), out).run();
        out.println(outcome.line());
        if (outcome.passed() && !arguments.contains("--keep")) {
            Cluster.run(List.of("rm", "-rf", work.toString()));
        } else {
            out.println("logs kept in " + work);
        }
        return outcome.passed();
    }

    private Outcome run() throws Exception {
        Outcome outcome = new Outcome("cluster");
        List<Homeward> processes = new ArrayList<>();
        try (Cluster primary = Cluster.create(work, "primary");
             Cluster replica = primary.replica(work, "replica")) {
            synchronousStandby(primary, "replica");
            String database = primary.createDatabase("homeward");
            say("PostgreSQL primary :" + primary.port + ", synchronous streaming replica :" + replica.port);

            Scenarios.Tokens tokens = new Scenarios.Tokens(
                    Homeward.token(work, "sv-cluster", "SUPERVISOR", Load.ORGANISATION),
                    Homeward.token(work, "admin-cluster", "ADMINISTRATOR", Load.ORGANISATION),
                    Homeward.token(work, "sv-elsewhere", "SUPERVISOR", Load.ELSEWHERE));
            Client supervisor = new Client(tokens.supervisor(), Duration.ofSeconds(10));
            Client admin = new Client(tokens.administrator(), Duration.ofSeconds(10));
            Client evaluator = new Client(Homeward.token(work, "ev-cluster", "EVALUATOR", Load.ORGANISATION),
                                          Duration.ofSeconds(30));
            Client auditor = new Client(Homeward.token(work, "au-cluster", "AUDITOR", Load.ORGANISATION),
                                        Duration.ofSeconds(30));

            // the first process migrates the database; the others start on it, together, as an operator's
            // service manager starts them
            List<String> settings = List.of("--spring.datasource.url=" + primary.jdbcUrl(database),
                                            "--spring.datasource.username=postgres");
            long starting = System.nanoTime();
            Homeward command1 = start(processes, "command-1", "command", settings);
            List<String> querySettings = new ArrayList<>(settings);
            querySettings.add("--homeward.outcomes.replica-url=" + replica.jdbcUrl(database));
            List<Homeward> others = startTogether(processes, List.of("command-2", "query-1", "query-2"),
                                                  List.of("command", "query", "query"),
                                                  List.of(settings, querySettings, querySettings));
            Homeward command2 = others.get(0);
            Homeward query1 = others.get(1);
            Homeward query2 = others.get(2);
            say("4 processes started in " + (System.nanoTime() - starting) / 1_000_000 + " ms");
            try (LoadBalancer balancer = LoadBalancer.start(work, List.of(command1, command2),
                                                            List.of(query1, query2))) {
                say("HAProxy :" + balancer.port + " in front of " + processes.stream().map(p -> p.name).toList());
                DataSource store = primary.dataSource(database);
                Ledger ledger = new Ledger();
                Load load = new Load(supervisor, new Client(tokens.elsewhere(), Duration.ofSeconds(10)), ledger,
                                     List.of(balancer.port));
                load.open(quick ? 40 : 200, 8);

                Duration length = Duration.ofSeconds(quick ? 30 : 90);
                long began = System.nanoTime();
                load.start(6, 10_000_000, length);
                startClients(balancer.port, supervisor, evaluator, auditor, admin, ledger, primary, replica);
                Thread.sleep(length.toMillis() / 3);

                Homeward victim = Segments.held(store, query1) >= Segments.held(store, query2) ? query1 : query2;
                Homeward survivor = victim == query1 ? query2 : query1;
                String held = victim.name + " (" + Segments.held(store, victim) + " segments)";
                command2.kill9();
                victim.kill9();
                long killed = System.nanoTime();
                say("killed " + command2.name + " and " + held + " with kill -9 at "
                    + (killed - began) / 1_000_000_000 + " s");
                outcome.figure("killed", command2.name + "," + victim.name);
                outcome.figure("balancerDownMs", balancer.downAfter(command2.name, killed, Duration.ofSeconds(20))
                                                 + "," + balancer.downAfter(victim.name, killed,
                                                                            Duration.ofSeconds(20)));
                long takeover = Segments.takeover(store, List.of(Segments.owner(survivor), Segments.owner(command1)),
                                                  Duration.ofSeconds(60));
                outcome.figure("takeoverMs", takeover);
                outcome.expect(takeover >= 0, "the survivors did not take over the dead processes' segments in 60 s");

                load.await();
                stopClients();
                outcome.figure("writesPerSecond", ledger.acknowledged() * 1_000_000_000L / (System.nanoTime() - began));

                new Scenarios(work, primary, tokens, quick).judge(outcome, ledger, store, survivor, false);
                outcome.figure("replicaCaughtUpMs", awaitReplay(primary, Duration.ofSeconds(30)));
                Ledger.Check onReplica = ledger.check(replica.dataSource(database));
                outcome.figure("lostOnReplica", onReplica.lost());
                outcome.expect(onReplica.clean(), "replica: " + onReplica.figures() + " " + onReplica.examples());

                tallies.forEach((kind, tally) -> outcome.figure(kind, tally.figures()));
                outcome.figure("readYourWritesMisses", readYourWritesMisses.get())
                       .figure("maxProjectionBehind", maxBehind.get())
                       .figure("maxReplicaReplayLagMs", maxReplayLagMs.get())
                       .figure("outcomesSessionsOnReplica", outcomesSessionsOnReplica.get());
                outcome.expect(outcomesSessionsOnReplica.get() > 0, "no outcome query was read on the replica");
                outcome.expect(readYourWritesMisses.get() == 0, readYourWritesMisses.get()
                                                                + " timeline reads with minVersion lacked the"
                                                                + " acknowledged milestone");
                outcome.expect(chainBroken.get() == 0, chainBroken.get() + " verifications did not find the chain"
                                                       + " intact");
                Tally reads = tallies.get("timelineReads");
                outcome.expect(reads != null && reads.count(404) == 0 && reads.count(403) == 0,
                               "a case manager's own timeline was refused: " + (reads == null ? "" : reads.figures()));
                for (String kind : List.of("timelineReads", "outcomes", "auditListing", "verify")) {
                    Tally tally = tallies.get(kind);
                    outcome.expect(tally != null && tally.count(200) > 0, kind + ": no successful answer");
                    outcome.expect(tally == null || tally.serverErrors() == 0,
                                   kind + " answered 5xx other than 503: " + (tally == null ? "" : tally.figures()));
                }
            } finally {
                stopClients();
            }
        } finally {
            for (Homeward process : processes) {
                process.stop();
            }
        }
        return outcome;
    }

    private Homeward start(List<Homeward> processes, String name, String role, List<String> settings)
            throws Exception {
        List<String> arguments = new ArrayList<>(settings);
        arguments.add("--homeward.role=" + role);
        Homeward process = Homeward.start(work, name, arguments);
        processes.add(process);
        return process;
    }

    /**
     * Starts the processes at once and waits for each; every one that started is in {@code processes} (to be
     * stopped) even when another failed, whose failure is then thrown.
     */
    private List<Homeward> startTogether(List<Homeward> processes, List<String> names, List<String> roles,
                                         List<List<String>> settings) throws Exception {
        List<CompletableFuture<Homeward>> starting = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<String> arguments = new ArrayList<>(settings.get(i));
            arguments.add("--homeward.role=" + roles.get(i));
            String name = names.get(i);
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return Homeward.start(work, name, arguments);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, runnable -> Load.started("start-" + name, runnable)));
        }
        List<Homeward> started = new ArrayList<>();
        Exception failure = null;
        for (CompletableFuture<Homeward> process : starting) {
            try {
                Homeward homeward = process.join();
                processes.add(homeward);
                started.add(homeward);
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return started;
    }

    /** Commits on the primary wait until the replica has the WAL on disk: a failover loses no acknowledged write. */
    private static void synchronousStandby(Cluster primary, String standby) throws Exception {
        try (Connection c = primary.dataSource("postgres").getConnection()) {
            c.createStatement().execute("alter system set synchronous_standby_names = '" + standby + "'");
            c.createStatement().execute("select pg_reload_conf()");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!"sync".equals(replication(c)[0])) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the replica did not become a synchronous standby");
                }
                Thread.sleep(100);
            }
        }
    }

    /** The standby's sync state, replay lag in ms and bytes of WAL not yet replayed, from the primary's view. */
    private static String[] replication(Connection primary) throws Exception {
        try (ResultSet row = primary.createStatement().executeQuery("""
                select sync_state, coalesce(extract(epoch from replay_lag) * 1000, 0)::bigint,
                       pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint
                from pg_stat_replication
                """)) {
            return row.next() ? new String[] {row.getString(1), row.getString(2), row.getString(3)}
                              : new String[] {"none", "0", "0"};
        }
    }

    /** Milliseconds until the replica has replayed everything the primary wrote; -1 if not within the bound. */
    private static long awaitReplay(Cluster primary, Duration bound) throws Exception {
        long start = System.nanoTime();
        try (Connection c = primary.dataSource("postgres").getConnection()) {
            while (System.nanoTime() - start < bound.toNanos()) {
                if (Long.parseLong(replication(c)[2]) <= 0) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
                Thread.sleep(50);
            }
        }
        return -1;
    }

    /** The readers beside the writers: case managers, an evaluator, an auditor, and the lag being watched. */
    private void startClients(int port, Client caseManager, Client evaluator, Client auditor, Client admin,
                              Ledger ledger, Cluster primary, Cluster replica) {
        stopped = false;
        for (int i = 0; i < 2; i++) {
            repeat("timeline-reader-" + i, 0, () -> readOwnWrite(port, caseManager, ledger));
        }
        repeat("evaluator", 500, () -> tally("outcomes",
                                              () -> evaluator.get(port, "/api/v1/outcomes?groupBy=gender")));
        repeat("auditor", 500, () -> tally("auditListing",
                                           () -> auditor.get(port, "/api/v1/audit/events?size=50")));
        repeat("verifier", 3000, () -> {
            Client.Answer verified = tally("verify", () -> auditor.post(port, "/api/v1/audit/verify", "",
                                                                         Map.of()));
            if (verified.ok() && !verified.body().contains("\"intact\":true")) {
                chainBroken.incrementAndGet();
            }
        });
        repeat("lag-watcher", 1000, () -> {
            Convergence.progress(admin, port).forEach(p -> maxBehind.accumulateAndGet(p.behind(), Math::max));
            try (Connection c = primary.dataSource("postgres").getConnection();
                 Connection r = replica.dataSource("postgres").getConnection()) {
                maxReplayLagMs.accumulateAndGet(Long.parseLong(replication(c)[1]), Math::max);
                ResultSet sessions = r.createStatement().executeQuery(
                        "select count(*) from pg_stat_activity where application_name = '"
                        + OutcomesFromReplica.APPLICATION_NAME + "'");
                sessions.next();
                outcomesSessionsOnReplica.accumulateAndGet(sessions.getLong(1), Math::max);
            } catch (Exception e) {
                // sampled again in a second
            }
        });
    }

    /** A case manager reads back a milestone just acknowledged: with minVersion the timeline must hold it. */
    private void readOwnWrite(int port, Client caseManager, Ledger ledger) {
        // milestones only: the load's acknowledgements also hold the journey of another organisation it opened
        List<Ledger.Ack> acks = ledger.acks().stream().filter(a -> a.milestoneId() != null).toList();
        if (acks.isEmpty()) {
            pause(100);
            return;
        }
        Ledger.Ack ack = acks.get(acks.size() - 1 - ThreadLocalRandom.current().nextInt(Math.min(50, acks.size())));
        String path = "/api/v1/journeys/" + ack.journeyId() + "/timeline?purpose=CASE_WORK&minVersion="
                      + ack.version();
        Client.Answer timeline = tally("timelineReads", () -> caseManager.get(port, path));
        if (timeline.ok() && ack.milestoneId() != null && !timeline.body().contains(ack.milestoneId())) {
            readYourWritesMisses.incrementAndGet();
        }
    }

    private Client.Answer tally(String kind, Supplier<Client.Answer> request) {
        long start = System.nanoTime();
        Client.Answer answer = request.get();
        tallies.computeIfAbsent(kind, k -> new Tally()).add(answer.status(), System.nanoTime() - start);
        return answer;
    }

    private void repeat(String name, long pauseMillis, Runnable body) {
        clients.add(Load.started(name, () -> {
            while (!stopped) {
                body.run();
                pause(pauseMillis);
            }
        }));
    }

    private void stopClients() throws InterruptedException {
        stopped = true;
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(40).toMillis());
        }
        clients.clear();
    }

    private void say(String line) {
        out.println("  " + line);
        out.flush();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers of one kind of request: status counts and latencies. */
    private static final class Tally {
        private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

        void add(int status, long took) {
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            if (status == 200) {
                nanos.add(took);
            }
        }

        long count(int status) {
            LongAdder n = statuses.get(status);
            return n == null ? 0 : n.sum();
        }

        long serverErrors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                           .mapToLong(e -> e.getValue().sum()).sum();
        }

        /** "[200=812 none=3 p50=4ms p99=40ms]" */
        String figures() {
            StringBuilder text = new StringBuilder("[");
            new TreeMap<>(statuses).forEach((status, n) -> text.append(status == 0 ? "none" : status).append('=')
                                                               .append(n.sum()).append(' '));
            List<Long> sorted = nanos.stream().sorted().toList();
            if (!sorted.isEmpty()) {
                text.append("p50=").append(sorted.get(sorted.size() / 2) / 1_000_000).append("ms p99=")
                    .append(sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100)) / 1_000_000)
                    .append("ms");
            }
            return text.toString().trim() + "]";
        }
    }
}
