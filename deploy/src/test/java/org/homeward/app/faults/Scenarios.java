package org.homeward.app.faults;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.homeward.app.database.EmbeddedDatabase;
import org.homeward.app.database.EventStoreConfiguration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The faults, one method each: set up processes on a fresh database, drive load, inject the fault, then judge
 * the ledger against the store and the read models against the events. Every wait is bounded.
 */
final class Scenarios {

    /** homeward.event-processing.claim-timeout */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);
    /**
     * A dead process's claims expire a claim timeout after its last update, which is at the kill under load; the
     * others look for free segments every claim check (EventStoreConfiguration), and writing the claims of every
     * processor's segments takes a busy machine up to about one more (measured 11.0 s)
     */
    private static final Duration TAKEOVER =
            CLAIM_TIMEOUT.plus(EventStoreConfiguration.claimCheck(CLAIM_TIMEOUT).multipliedBy(2));

    private final Path work;
    private final Cluster cluster;
    private final Client client;
    /** rebuilds projections, for the convergence check and the rebuild scenario */
    private final Client admin;
    /** a supervisor of another organisation, who opens the journey the load is refused access to */
    private final Client elsewhere;
    private final boolean quick;

    Scenarios(Path work, Cluster cluster, Tokens tokens, boolean quick) {
        this.work = work;
        this.cluster = cluster;
        this.client = new Client(tokens.supervisor(), Duration.ofSeconds(10));
        this.admin = new Client(tokens.administrator(), Duration.ofSeconds(10));
        this.elsewhere = new Client(tokens.elsewhere(), Duration.ofSeconds(10));
        this.quick = quick;
    }

    /** The callers of the suite: the load's supervisor, an administrator, a supervisor of another organisation. */
    record Tokens(String supervisor, String administrator, String elsewhere) {
    }

    private Load load(Ledger ledger, List<Integer> ports) {
        return new Load(client, elsewhere, ledger, ports);
    }

    private List<String> server(String database, String role, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + cluster.jdbcUrl(database),
                                                         "--spring.datasource.username=postgres",
                                                         "--homeward.role=" + role));
        arguments.addAll(List.of(more));
        return arguments;
    }

    private int journeys() {
        return quick ? 40 : 300;
    }

    // 1 -------------------------------------------------------------------------------------------------------

    Outcome concurrentWriters() throws Exception {
        Outcome outcome = new Outcome("concurrent-writers");
        String db = cluster.createDatabase("f_concurrent");
        Homeward app = Homeward.start(work, "concurrent", server(db, "all"));
        try {
            Ledger ledger = new Ledger();
            Load load = load(ledger, List.of(app.port()));
            load.open(journeys(), 8);
            load.start(8, quick ? 300 : 1500, Duration.ofSeconds(quick ? 20 : 90));
            load.await();
            judge(outcome, ledger, cluster.dataSource(db), app, true);
        } finally {
            app.stop();
        }
        return outcome;
    }

    // 2 -------------------------------------------------------------------------------------------------------

    Outcome applicationKilled() throws Exception {
        Outcome outcome = new Outcome("app-kill-9");
        String db = cluster.createDatabase("f_appkill");
        Homeward app = Homeward.start(work, "appkill", server(db, "all"));
        Ledger ledger = new Ledger();
        Load load = load(ledger, List.of(app.port()));
        try {
            load.open(journeys() / 2, 8);
            load.start(8, 100_000, Duration.ofSeconds(150));     // stopped 10 s after the restart
            Thread.sleep(4000);
            app.kill9();
            long killed = System.nanoTime();
            try {
                app = Homeward.start(work, "appkill-restarted", server(db, "all"));
                load.ports(List.of(app.port()));
            } catch (IllegalStateException e) {
                outcome.expect(false, "first start after the kill failed: " + Homeward.reason(e.getMessage()));
                app = Homeward.start(work, "appkill-second-try", server(db, "all"));
                load.ports(List.of(app.port()));
            }
            long restarted = System.nanoTime();
            outcome.figure("restartMs", (restarted - killed) / 1_000_000);
            Thread.sleep(10_000);
            load.stop();
            outcome.figure("recoveryMs", ledger.firstAckAfter(killed));
            judge(outcome, ledger, cluster.dataSource(db), app, false);
        } finally {
            load.stop();
            app.stop();
        }
        return outcome;
    }

    // 3, 4 ----------------------------------------------------------------------------------------------------

    interface Fault {
        void inject() throws Exception;
    }

    Outcome databaseKilled() throws Exception {
        return databaseOutage("pg-kill-9", cluster::killPostmaster);
    }

    Outcome databaseStopped(String mode) throws Exception {
        return databaseOutage("pg-stop-" + mode, () -> cluster.stop(mode));
    }

    /** The database goes away for about 6 s under load and comes back; the application is never restarted. */
    private Outcome databaseOutage(String name, Fault fault) throws Exception {
        Outcome outcome = new Outcome(name);
        String db = cluster.createDatabase("f_" + name.replace('-', '_'));
        Homeward app = Homeward.start(work, name, server(db, "all"));
        Ledger ledger = new Ledger();
        Load load = load(ledger, List.of(app.port()));
        Readiness readiness = new Readiness(app.managementPort());
        try {
            load.open(journeys() / 3, 8);
            load.start(8, 100_000, Duration.ofSeconds(40));
            readiness.start();
            Thread.sleep(5000);
            // taken before the fault: readiness may say DOWN before inject() has returned
            long down = System.nanoTime();
            fault.inject();
            Thread.sleep(6000);
            boolean downSeen = readiness.sawDownSince(down);
            cluster.start();
            long up = System.nanoTime();
            outcome.figure("downMs", (up - down) / 1_000_000);
            load.await();
            readiness.stop();
            long recovery = ledger.firstAckAfter(up);
            outcome.figure("recoveryMs", recovery).figure("readiness", readiness.transitions());
            outcome.expect(downSeen, "readiness never said DOWN while the database was down");
            outcome.expect(readiness.upAfter(up), "readiness did not say UP again after the database came back");
            outcome.expect(recovery >= 0, "no write was acknowledged after the database came back");
            outcome.expect(app.alive(), "the application died");
            judge(outcome, ledger, cluster.dataSource(db), app, true);
        } finally {
            readiness.stop();
            load.stop();
            app.stop();
        }
        return outcome;
    }

    /** Polls the readiness probe and keeps its changes of state. */
    private final class Readiness {
        private final int port;
        private final List<long[]> changes = new ArrayList<>();   // {nanos, status}
        private final AtomicBoolean running = new AtomicBoolean();
        private Thread poller;

        Readiness(int port) {
            this.port = port;
        }

        void start() {
            running.set(true);
            poller = Load.started("readiness", () -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                Client anonymous = new Client(null, Duration.ofSeconds(3));
                while (running.get() && System.nanoTime() < deadline) {
                    int status = anonymous.get(port, "/actuator/health/readiness").status();
                    synchronized (changes) {
                        if (changes.isEmpty() || changes.get(changes.size() - 1)[1] != status) {
                            changes.add(new long[] {System.nanoTime(), status});
                        }
                    }
                    sleep(250);
                }
            });
        }

        void stop() throws InterruptedException {
            running.set(false);
            if (poller != null) {
                poller.join(10_000);
            }
        }

        boolean sawDownSince(long since) {
            synchronized (changes) {
                return changes.stream().anyMatch(c -> c[1] != 200 && c[0] >= since);
            }
        }

        boolean upAfter(long since) {
            synchronized (changes) {
                return changes.stream().anyMatch(c -> c[1] == 200 && c[0] >= since);
            }
        }

        String transitions() {
            synchronized (changes) {
                StringBuilder text = new StringBuilder();
                // DOWN: answered 503; none: no answer within 3 s
                changes.forEach(c -> text.append(text.isEmpty() ? "" : ">")
                                         .append(c[1] == 200 ? "UP" : c[1] == 503 ? "DOWN" : c[1] == 0 ? "none"
                                                                                             : c[1]));
                return text.toString();
            }
        }
    }

    // 5 -------------------------------------------------------------------------------------------------------

    Outcome scaledOut() throws Exception {
        Outcome outcome = new Outcome("scaled-out");
        String db = cluster.createDatabase("f_scaled");
        DataSource database = cluster.dataSource(db);
        List<Homeward> processes = new ArrayList<>();
        try {
            Homeward queryA = Homeward.start(work, "query-a", server(db, "query"));
            processes.add(queryA);
            Homeward queryB = Homeward.start(work, "query-b", server(db, "query"));
            processes.add(queryB);
            String writers = "command";
            Homeward commandA;
            try {
                commandA = Homeward.start(work, "command-a", server(db, "command"));
            } catch (IllegalStateException e) {
                // go on with role all, so that the rest of the scenario still proves what it can
                outcome.expect(false, "role command does not start: " + Homeward.reason(e.getMessage()));
                writers = "all";
                commandA = Homeward.start(work, "all-a", server(db, writers));
            }
            processes.add(commandA);
            Homeward commandB = Homeward.start(work, writers + "-b", server(db, writers));
            processes.add(commandB);
            outcome.figure("writers", writers);
            Ledger ledger = new Ledger();
            Load load = load(ledger, List.of(commandA.port(), commandB.port()));

            readYourWritesAcrossProcesses(outcome, load, commandA.port(), commandB.port());

            // within a claim timeout of the second one starting, each query process works a share of every processor
            Thread.sleep(CLAIM_TIMEOUT.toMillis());
            Map<String, Map<String, Integer>> owners = Segments.owners(database);
            outcome.figure("segments", owners);
            for (Map.Entry<String, Map<String, Integer>> processor : owners.entrySet()) {
                int segments = processor.getValue().values().stream().mapToInt(Integer::intValue).sum();
                if (segments > 1) {
                    for (Homeward query : List.of(queryA, queryB)) {
                        int held = processor.getValue().entrySet().stream()
                                            .filter(e -> e.getKey().startsWith(Segments.owner(query)))
                                            .mapToInt(Map.Entry::getValue).sum();
                        outcome.expect(held > 0,
                                       query.name + " holds no segment of " + processor.getKey() + " ("
                                       + segments + " segments)");
                    }
                }
            }

            // the query process holding the most segments dies, so that there is something to take over
            Homeward victim = Segments.held(database, queryB) > Segments.held(database, queryA) ? queryB : queryA;
            Homeward survivor = victim == queryA ? queryB : queryA;
            load.open(journeys() / 3, 8);
            load.start(8, 100_000, Duration.ofSeconds(40));
            Thread.sleep(6000);
            outcome.figure("killed", victim.name + "(" + Segments.held(database, victim) + " segments),"
                                     + commandB.name);
            commandB.kill9();
            load.ports(List.of(commandA.port()));
            victim.kill9();
            long killed = System.nanoTime();
            long takeover = Segments.takeover(database, List.of(Segments.owner(survivor), Segments.owner(commandA)),
                                              Duration.ofSeconds(60));
            outcome.figure("takeoverMs", takeover);
            outcome.expect(takeover >= 0 && takeover <= TAKEOVER.toMillis(),
                           "the surviving processes took over the dead one's segments "
                           + (takeover < 0 ? "never (60 s)" : "after " + takeover + " ms") + ", not within "
                           + TAKEOVER.toMillis() + " ms");
            load.await();
            outcome.figure("recoveryMs", ledger.firstAckAfter(killed));
            judge(outcome, ledger, database, survivor, false);
        } finally {
            for (Homeward process : processes) {
                process.stop();
            }
        }
        return outcome;
    }

    /** A write through one command process, then one through the other that depends on it. */
    private void readYourWritesAcrossProcesses(Outcome outcome, Load load, int a, int b) {
        Client.Answer opened = load.writeTo(a, "/api/v1/journeys", Load.intake(), null, null, Map.of());
        String journey = opened.field("journeyId");
        String path = "/api/v1/journeys/" + journey;
        Client.Answer closed = load.writeTo(a, path + "/closure",
                                            "{\"reason\": \"REINTEGRATED\", \"closedOn\": \"2026-09-30\"}", null,
                                            journey, Map.of());
        Client.Answer reopened = load.writeTo(b, path + "/reopening",
                                              "{\"reopenedOn\": \"2026-10-02\", \"reason\": \"new risk\"}", null,
                                              journey, Map.of());
        Client.Answer afterReopen = load.writeTo(a, path + "/milestones", Load.milestone(), null, journey, Map.of());
        outcome.expect(opened.ok() && closed.ok() && reopened.ok(), "open " + opened.status() + ", close via A "
                                                                    + closed.status() + ", reopen via B "
                                                                    + reopened.status());
        outcome.expect(afterReopen.ok(), "milestone via A after a reopening via B answered " + afterReopen.status());
        Client.Answer viaB = load.writeTo(b, path + "/milestones", Load.milestone(), null, journey, Map.of());
        Client.Answer ifMatch = load.writeTo(a, path + "/milestones", Load.milestone(), null, journey,
                                             Map.of("If-Match", "\"" + viaB.field("version") + "\""));
        outcome.expect(ifMatch.ok(), "If-Match of the version B answered (" + viaB.field("version")
                                     + "), sent via A, answered " + ifMatch.status());
    }

    // 6 -------------------------------------------------------------------------------------------------------

    Outcome embeddedDatabase() throws Exception {
        Outcome outcome = new Outcome("embedded-kill-9");
        Path data = work.resolve("embedded-data");
        List<String> embedded = List.of("--homeward.embedded-database.directory=" + data,
                                        "--homeward.role=all");
        Homeward app = Homeward.start(work, "embedded", embedded);
        Ledger ledger = new Ledger();
        Load load = load(ledger, List.of(app.port()));
        try {
            load.open(journeys() / 3, 8);
            load.start(8, 100_000, Duration.ofSeconds(150));     // stopped 10 s after the restart
            Thread.sleep(4000);
            app.kill9();
            long killed = System.nanoTime();
            try {
                app = Homeward.start(work, "embedded-restarted", embedded);
            } catch (IllegalStateException e) {
                outcome.expect(false, "first start after the kill failed: " + Homeward.reason(e.getMessage()));
                killEmbeddedPostmaster(data);   // what an operator would have to do by hand
                app = Homeward.start(work, "embedded-second-try", embedded);
            }
            load.ports(List.of(app.port()));
            Thread.sleep(10_000);
            load.stop();
            outcome.figure("recoveryMs", ledger.firstAckAfter(killed));
            judge(outcome, ledger, embeddedDataSource(data), app, false);

            // now the other way round: the embedded postmaster dies under the application
            killEmbeddedPostmaster(data);
            Integer exit = app.awaitExit(Duration.ofSeconds(30));
            boolean recovered = exit == null && recovers(app, Duration.ofSeconds(30));
            outcome.figure("afterPostmasterKill", exit != null ? "exit " + exit : recovered ? "recovered" : "hung");
            outcome.expect(exit != null && exit != 0 || recovered,
                           "after kill -9 of the embedded postmaster the application "
                           + (exit != null ? "exited " + exit : "neither exited nor recovered within 60 s"));
        } finally {
            load.stop();
            app.stop();
            killEmbeddedPostmaster(data);
        }
        return outcome;
    }

    private boolean recovers(Homeward app, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        Client anonymous = new Client(null, Duration.ofSeconds(3));
        while (System.nanoTime() < deadline) {
            if (anonymous.get(app.managementPort(), "/actuator/health/readiness").status() == 200
                && client.post(app.port(), "/api/v1/journeys", Load.intake(), Map.of()).ok()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** postmaster.pid: line 1 the pid, line 4 the port */
    private static List<String> postmasterPid(Path data) throws Exception {
        Path file = data.resolve("postmaster.pid");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static void killEmbeddedPostmaster(Path data) throws Exception {
        List<String> pid = postmasterPid(data);
        if (!pid.isEmpty()) {
            ProcessHandle.of(Long.parseLong(pid.get(0).trim())).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> null).join();
            });
        }
    }

    /** The embedded server as its owner reaches it: 127.0.0.1 only, with the password kept beside the keys. */
    private DataSource embeddedDataSource(Path data) throws Exception {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl("jdbc:postgresql://127.0.0.1:" + postmasterPid(data).get(3).trim() + "/postgres");
        source.setUser("postgres");
        source.setPassword(Files.readString(work.resolve("homeward-keys")
                                                .resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE)).trim());
        source.setConnectTimeout(5);
        return source;
    }

    // 7 -------------------------------------------------------------------------------------------------------

    Outcome slowClients() throws Exception {
        Outcome outcome = new Outcome("slow-clients");
        String db = cluster.createDatabase("f_slow");
        Homeward app = Homeward.start(work, "slow", server(db, "all"));
        Ledger ledger = new Ledger();
        Load load = load(ledger, List.of(app.port()));
        List<Socket> sockets = new ArrayList<>();
        try {
            load.open(20, 4);
            String journey = load.journeys().get(0);
            for (int i = 0; i < 200; i++) {
                Socket socket = new Socket("127.0.0.1", app.port());
                socket.setSoTimeout(1000);
                String headers = "POST /api/v1/journeys/" + journey + "/milestones HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                 + "Content-Type: application/json\r\nContent-Length: 200\r\n"
                                 // one signed-in client, another than the normal one, behind the trusted proxy
                                 + "X-Forwarded-For: 203.0.113.7\r\n"
                                 + "Authorization: Bearer " + client.token() + "\r\n\r\n";
                socket.getOutputStream().write(headers.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                sockets.add(socket);
            }
            // the trickle: one byte per socket every 2 s for 20 s, on its own thread so that it never waits for
            // the normal client, which meanwhile keeps writing and reading
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            Thread trickler = Load.started("trickle", () -> {
                while (System.nanoTime() < end) {
                    for (Socket socket : sockets) {
                        trickle(socket);
                    }
                    sleep(2000);
                }
            });
            AtomicLong slowest = new AtomicLong();
            int[] tooSlow = new int[1];
            int probes = 0;
            while (System.nanoTime() < end) {
                long started = System.nanoTime();
                Client.Answer write = load.write("/api/v1/journeys/" + journey + "/milestones", Load.milestone(),
                                                 null, journey);
                Client.Answer read = client.get(app.port(), "/api/v1/journeys/" + journey + "/timeline");
                long millis = (System.nanoTime() - started) / 1_000_000;
                probes++;
                slowest.accumulateAndGet(millis, Math::max);
                if (millis > 3000 || !write.ok() || read.status() != 200) {
                    tooSlow[0]++;
                }
                sleep(300);
            }
            trickler.join(10_000);
            outcome.figure("probes", probes).figure("slowOrFailed", tooSlow[0]).figure("slowestMs", slowest.get());
            outcome.expect(tooSlow[0] == 0, tooSlow[0] + " of " + probes
                                            + " normal write+read pairs failed or took over 3 s (slowest "
                                            + slowest.get() + " ms) while 200 clients trickled");
            judge(outcome, ledger, cluster.dataSource(db), app, true);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
            app.stop();
        }
        return outcome;
    }

    private static void trickle(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(' ');
            out.flush();
        } catch (Exception e) {
            // the server closed it: that is its right
        }
    }

    // 8 -------------------------------------------------------------------------------------------------------

    /**
     * Rows inserted straight into the store by our own JDBC transaction, as the event store inserts them, held
     * open while others write: the store draws positions in commit order, so the later writes wait for the held
     * row and are acknowledged after it, and no processor can pass it by, whatever its time stamp says.
     */
    Outcome lateCommits() throws Exception {
        Outcome outcome = new Outcome("late-commits");
        String db = cluster.createDatabase("f_late");
        DataSource database = cluster.dataSource(db);
        Homeward app = Homeward.start(work, "late", server(db, "all"));
        Ledger ledger = new Ledger();
        Load load = load(ledger, List.of(app.port()));
        try {
            load.open(24, 4);
            List<String> journeys = load.journeys();
            // the writers use journeys 4.., the late rows go to journeys 0..3, which nobody else writes to
            Load busy = load(ledger, List.of(app.port()));
            for (String journey : journeys.subList(0, 4)) {
                load.write("/api/v1/journeys/" + journey + "/milestones", Load.milestone(), null, journey);
            }
            busy.adopt(journeys.subList(4, journeys.size()));
            int late = 0;

            // a: committed 2 s late
            lateRow(database, journeys.get(0), Instant.now(), busy, outcome, "late");
            late++;
            // b: stamped by a process whose clock runs two days behind
            lateRow(database, journeys.get(1), Instant.now().minus(Duration.ofDays(2)), busy, outcome, "skewed");
            late++;
            Convergence.Verdict running = Convergence.check(database, admin, app, Duration.ofSeconds(30));
            outcome.expect(running.converged(), "with a running processor: " + running.differences());

            if (!quick) {
                // c: processors that start behind a backlog while a late row, stamped behind, is still open
                app.stop();
                try (Connection slow = database.getConnection(); Connection backlog = database.getConnection()) {
                    backlog.setAutoCommit(false);
                    List<String> busyJourneys = journeys.subList(4, journeys.size());
                    for (int i = 0; i < 3000; i++) {
                        insert(backlog, busyJourneys.get(i % busyJourneys.size()), Instant.now());
                    }
                    backlog.commit();
                    slow.setAutoCommit(false);
                    insert(slow, journeys.get(3), Instant.now().minus(Duration.ofDays(2)));
                    app = Homeward.start(work, "late-lagging", server(db, "all"));
                    Thread.sleep(2000);
                    slow.commit();
                    late++;
                }
                Convergence.Verdict lagging = Convergence.check(database, admin, app, Duration.ofSeconds(60));
                outcome.expect(lagging.converged(), "with processors started behind a backlog of 3000: "
                                                    + lagging.differences());
            }
            outcome.figure("lateRows", late);
            judge(outcome, ledger, database, app, false);
        } finally {
            app.stop();
        }
        return outcome;
    }

    /**
     * Holds an inserted row open for 2 s while the writers keep writing, then commits it: meanwhile no later
     * position may become visible, and afterwards every write is acknowledged after it.
     */
    private void lateRow(DataSource database, String journey, Instant stamp, Load busy, Outcome outcome,
                         String what) throws Exception {
        try (Connection slow = database.getConnection()) {
            slow.setAutoCommit(false);
            long index = insert(slow, journey, stamp);
            busy.start(4, 10_000, Duration.ofSeconds(2));
            Thread.sleep(2000);
            long visibleMeanwhile = maxIndex(database);
            slow.commit();
            busy.await();
            outcome.expect(visibleMeanwhile < index,
                           what + ": a later position became visible while an earlier one was open");
            outcome.expect(maxIndex(database) > index, what + ": no later write was acknowledged after the row");
        }
    }

    private static long maxIndex(DataSource database) throws Exception {
        try (Connection c = database.getConnection();
             ResultSet max = c.createStatement().executeQuery("select max(global_index) from domain_event_entry")) {
            max.next();
            return max.getLong(1);
        }
    }

    /**
     * Inserts the journey's next event: a copy of the store's last MilestoneRecorded, moved to this journey, with
     * a new milestone id, event id and request id. Answers its global index.
     */
    private static long insert(Connection connection, String journey, Instant stamp) throws Exception {
        String payloadType;
        String revision;
        String payload;
        byte[] metaData;
        String template;
        long next;
        try (PreparedStatement last = connection.prepareStatement("""
                select payload_type, payload_revision, convert_from(payload, 'UTF8'), meta_data, aggregate_identifier,
                       (select max(sequence_number) + 1 from domain_event_entry where aggregate_identifier = ?)
                from domain_event_entry where payload_type like '%MilestoneRecorded'
                order by global_index desc limit 1
                """)) {
            last.setString(1, journey);
            try (ResultSet row = last.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no milestone in the store to copy");
                }
                payloadType = row.getString(1);
                revision = row.getString(2);
                payload = row.getString(3);
                metaData = row.getBytes(4);
                template = row.getString(5);
                next = row.getLong(6);
            }
        }
        String milestoneId = payload.replaceAll(".*\"milestoneId\":\"([^\"]+)\".*", "$1");
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                values (?, ?, ?, 'Journey', ?, ?, ?, ?, ?)
                returning global_index
                """)) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, journey);
            insert.setLong(3, next);
            insert.setString(4, stamp.toString());
            insert.setString(5, payloadType);
            insert.setString(6, revision);
            insert.setBytes(7, payload.replace(milestoneId, UUID.randomUUID().toString()).replace(template, journey)
                                      .getBytes(StandardCharsets.UTF_8));
            insert.setBytes(8, new String(metaData, StandardCharsets.UTF_8)
                    .replaceAll("\"requestId\":\"[^\"]*\"", "\"requestId\":\"late-" + UUID.randomUUID() + "\"")
                    .getBytes(StandardCharsets.UTF_8));
            try (ResultSet index = insert.executeQuery()) {
                index.next();
                return index.getLong(1);
            }
        }
    }

    // 9 -------------------------------------------------------------------------------------------------------

    /**
     * An administrator rebuilds each projection in turn while the writers go on: each is emptied, refilled from
     * the store and must catch up with the writes that came meanwhile, missing none and applying none twice.
     */
    Outcome rebuildDuringWrites() throws Exception {
        Outcome outcome = new Outcome("rebuild-during-writes");
        String db = cluster.createDatabase("f_rebuild");
        Homeward app = Homeward.start(work, "rebuild", server(db, "all"));
        Ledger ledger = new Ledger();
        Load load = load(ledger, List.of(app.port()));
        try {
            load.open(journeys() / 3, 8);
            load.start(8, 100_000, Duration.ofSeconds(150));     // stopped 3 s after the last rebuild
            Thread.sleep(quick ? 3000 : 10_000);
            List<String> rebuilt = new ArrayList<>();
            long first = System.nanoTime();
            long slowest = 0;
            for (Convergence.Progress projection : Convergence.progress(admin, app.port())) {
                String name = projection.projection();
                long started = System.nanoTime();
                int status = admin.post(app.port(), "/api/v1/admin/projections/" + name + "/rebuild", "", Map.of())
                                  .status();
                outcome.expect(status == 202, "rebuild of " + name + " answered " + status);
                boolean done = rebuilt(app, name, Duration.ofSeconds(90));
                outcome.expect(done, name + " was still rebuilding after 90 s");
                slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
                rebuilt.add(name);
            }
            long last = System.nanoTime();
            Thread.sleep(3000);
            load.stop();
            long meanwhile = ledger.acknowledgedBetween(first, last);
            outcome.figure("rebuilt", rebuilt).figure("slowestRebuildMs", slowest)
                   .figure("ackedDuringRebuilds", meanwhile);
            outcome.expect(rebuilt.size() >= 5, "only " + rebuilt + " listed as projections");
            outcome.expect(meanwhile > 0, "no write was acknowledged while the projections rebuilt");
            judge(outcome, ledger, cluster.dataSource(db), app, true);
        } finally {
            load.stop();
            app.stop();
        }
        return outcome;
    }

    /**
     * Whether the projection finished its rebuild in time: it was seen rebuilding and then no longer (its replay
     * reached where the rebuild began), or it is seen caught up. Right after the answer its segments may not be
     * claimed yet, when it says neither.
     */
    private boolean rebuilt(Homeward app, String projection, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        boolean seenRebuilding = false;
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            for (Convergence.Progress p : Convergence.progress(admin, app.port())) {
                if (p.projection().equals(projection)) {
                    if (!p.rebuilding() && (seenRebuilding || p.behind() == 0)) {
                        return true;
                    }
                    seenRebuilding |= p.rebuilding();
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * The checks every scenario ends with: the ledger against the store, no 5xx but 503, keyed retries answered
     * alike, refusals answered as they should be, and every read model converged to exactly what the events say.
     *
     * @param process  the only process still running projections: it rebuilds them for the comparison
     * @param answered whether every request should have been answered (no process died)
     */
    void judge(Outcome outcome, Ledger ledger, DataSource database, Homeward process, boolean answered)
            throws Exception {
        Ledger.Check check = ledger.check(database);
        outcome.figure("requests", ledger.requests()).figure("status", "[" + ledger.statusFigures() + "]")
               .figure("acked", ledger.acknowledged()).figure("lost", check.lost())
               .figure("duplicated", check.duplicated()).figure("storedForRefused", check.storedForRefused())
               .figure("retryMismatch", ledger.retryMismatches.get()).figure("refusals", ledger.refusalsSent.get());
        outcome.expect(check.clean(), "ledger: " + check.figures() + " " + check.examples());
        outcome.expect(ledger.count5xxOtherThan503() == 0, "answers 5xx other than 503: " + ledger.statusFigures());
        outcome.expect(ledger.retryMismatches.get() == 0, ledger.retryMismatches.get()
                                                          + " keyed retries got another answer than the first, e.g. "
                                                          + ledger.mismatchExamples);
        outcome.expect(ledger.acknowledged() > 0, "nothing was acknowledged");
        outcome.expect(ledger.wrongRefusals.get() == 0, ledger.wrongRefusals.get() + " of "
                                                        + ledger.refusalsSent.get()
                                                        + " requests to be refused were answered otherwise, e.g. "
                                                        + ledger.wrongRefusalExamples);
        long started = System.nanoTime();
        Convergence.Verdict verdict = Convergence.check(database, admin, process, Duration.ofSeconds(60));
        outcome.figure("events", count(database, "domain_event_entry"))
               .figure("audited", count(database, "audit_event"))
               .figure("compared", verdict.tables() + " tables/" + verdict.rows() + " rows");
        outcome.figure("convergedMs", verdict.converged() ? (System.nanoTime() - started) / 1_000_000 : -1);
        outcome.expect(verdict.converged(), "projections differ from their replay of the events: "
                                            + verdict.differences());
        if (answered) {
            outcome.expect(ledger.count(0) == 0, ledger.count(0) + " requests got no answer within 10 s");
        }
    }

    private static long count(DataSource database, String table) throws Exception {
        try (Connection c = database.getConnection();
             ResultSet n = c.createStatement().executeQuery("select count(*) from " + table)) {
            n.next();
            return n.getLong(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
