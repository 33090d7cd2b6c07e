package org.homeward.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;
import static org.homeward.app.support.SyntheticJourneys.with;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.homeward.access.Role;
import org.homeward.app.HomewardApplication;
import org.homeward.app.database.EmbeddedDatabase;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.ProductLogging;
import org.homeward.app.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The embedded database backed up while writers write, and restored into a fresh directory with the keys copied
 * there on their own: the restored application, a real process, answers every timeline, outcome and audit entry
 * acknowledged before the backup began exactly as the original did; what the writers did during the backup is a
 * whole prefix (no journey half written, every projection agrees with the events); the chain verifies; new
 * writes work. The file holds no key and none of the synthetic personal data in plain text. A damaged file, a
 * missing or wrong master key and a directory in use are refused before anything is written.
 *
 * <p>Both tests back up the same original application, started once for the class: the killed backup first, then
 * the backup under writes, which stops it to restore.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreTest {

    private static final Duration READY_WITHIN = Duration.ofSeconds(180);
    /** Synthetic, and unlike anything else in the store: found in the file only if the personal data leaked. */
    private static final String NAME = "Quorbelline Vantadroux";
    private static final String PHONE = "+000 5550 1987";
    private static final String KNOWN = "org-before";
    private static final String BUSY = "org-busy";
    /** The chain kept and signed within seconds rather than minutes, so the backup holds chain and checkpoints. */
    private static final String[] QUICK_CHAIN = {"--homeward.integrity.settle-time=1s",
                                                 "--homeward.integrity.keeper-interval=1s",
                                                 "--homeward.integrity.checkpoint-interval=2s"};

    // for the class, as the original application running on the first is: per test, JUnit would delete its
    // database under it at the end of the first test
    @TempDir
    static Path original;
    @TempDir
    static Path fresh;
    @TempDir
    static Path elsewhere;

    private final List<Process> applications = new ArrayList<>();
    private Running running;

    @Test
    @Order(2)
    void aBackupTakenUnderWritesRestoresIntoAFreshDirectoryWithTheSameAnswers() throws Exception {
        Running first = original();
        Api supervisor = first.as(Role.SUPERVISOR, KNOWN);
        Api auditor = first.as(Role.AUDITOR, "org-audit");

        // journeys with personal data and milestones, each timeline read (the reads are audited)
        Map<String, String> timelines = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            Reply opened = supervisor.post("/api/v1/journeys",
                                           with(intake(KNOWN, "cm-before"), "person",
                                                Map.of("fullName", NAME, "phone", PHONE, "dateOfBirth", "1999-04-30")));
            assertThat(opened.status()).isEqualTo(201);
            String journey = opened.text("journeyId");
            long version = 1;
            for (String type : List.of("INTAKE_INTERVIEW_HELD", "SHELTER_ENTERED", "COUNSELLING_STARTED")) {
                Reply recorded = supervisor.post("/api/v1/journeys/" + journey + "/milestones",
                                                 milestone(type, INTAKE.plusDays(i), "synthetic note " + NAME));
                assertThat(recorded.status()).isEqualTo(201);
                version = recorded.json().path("version").asLong();
            }
            timelines.put(journey, supervisor.get("/api/v1/journeys/" + journey + "/timeline?minVersion=" + version
                                                  + "&purpose=SUPERVISION").body());
        }
        awaitCaughtUp(first);
        Map<String, String> audit = audit(auditor, timelines.keySet());
        String outcomes = outcomes(first);
        long headBefore = first.sql("select max(global_index) from domain_event_entry");
        JsonNode chainBefore = awaitChained(auditor, headBefore);

        // writers go on while the backup runs; what each had acknowledged before it began must come back
        Writers writers = new Writers(first.as(Role.SUPERVISOR, BUSY));
        writers.start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> writers.acknowledged.size() >= 3);
        Map<String, Integer> acknowledgedBeforeBackup = Map.copyOf(writers.acknowledged);
        Path backup = elsewhere.resolve("homeward.backup");
        Command backedUp = command(original, "backup", "--to", backup.toString());
        writers.stop();
        assertThat(backedUp.status()).as(backedUp.output()).isZero();
        assertThat(backedUp.output()).contains("it holds no key");
        assertThat(writers.failures.get()).as("writers failed during the backup").isZero();
        assertThat(writers.acknowledged.values().stream().mapToInt(Integer::intValue).sum())
                .as("the writers went on while the backup ran")
                .isGreaterThan(acknowledgedBeforeBackup.values().stream().mapToInt(Integer::intValue).sum());

        // refused while the application runs on the directory
        Path keys = original.resolve("homeward-keys");
        Restore inUse = restoreInProcess(backup, original.resolve("homeward-data"), keys);
        assertThat(inUse.status()).isEqualTo(1);
        assertThat(inUse.err()).contains("is running on").contains("nothing written");
        first.stop();

        // the file: owner-only, and neither keys nor personal data in plain text, compressed or not
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        List<String> secrets = new ArrayList<>();
        try (Stream<Path> keyFiles = Files.list(keys)) {
            for (Path keyFile : keyFiles.toList()) {
                byte[] key = Files.readAllBytes(keyFile);
                secrets.add(latin1(key));
                secrets.add(HexFormat.of().formatHex(key));
                secrets.add(java.util.Base64.getEncoder().encodeToString(key));
            }
        }
        assertThat(secrets).as("master, checkpoint and two password files at least").hasSizeGreaterThanOrEqualTo(12);
        List<String> personal = List.of(NAME, PHONE, "Quorbelline");
        List<String> wanted = new ArrayList<>(secrets);
        wanted.addAll(personal);
        wanted.add("cm-before");
        byte[] raw = Files.readAllBytes(backup);
        List<String> found = new ArrayList<>(contained(latin1(raw), wanted));
        found.addAll(containedInEntries(backup, wanted));
        assertThat(found).as("key material or personal data in plain text in the backup")
                         .containsOnly("cm-before");
        assertThat(found).as("the search does look at the data: a value stored in plain text is found")
                         .contains("cm-before");

        // refused before anything is written: a damaged file, a wrong master key
        Path freshKeys = fresh.resolve("homeward-keys");
        copyKeys(keys, freshKeys);
        Path damaged = elsewhere.resolve("damaged.backup");
        byte[] flipped = raw.clone();
        flipped[flipped.length / 2] ^= 0x5a;
        Files.write(damaged, flipped);
        Restore refused = restoreInProcess(damaged, fresh.resolve("homeward-data"), freshKeys);
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("is not a sound backup").contains("nothing written");
        assertThat(fresh.resolve("homeward-data")).doesNotExist();

        Path wrongKeys = elsewhere.resolve("wrong-keys");
        copyKeys(keys, wrongKeys);
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        Files.write(wrongKeys.resolve("master.key"), otherKey);
        Restore wrongKey = restoreInProcess(backup, fresh.resolve("homeward-data"), wrongKeys);
        assertThat(wrongKey.status()).isEqualTo(1);
        assertThat(wrongKey.err()).contains("sealed with master key 1").contains("is another key");
        Files.delete(wrongKeys.resolve("master.key"));
        Restore noKey = restoreInProcess(backup, fresh.resolve("homeward-data"), wrongKeys);
        assertThat(noKey.err()).contains("sealed with master key 1").contains("does not exist");
        assertThat(fresh.resolve("homeward-data")).doesNotExist();
        try (Stream<Path> left = Files.list(fresh)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("homeward-keys");
        }

        // restored into the fresh directory, as its own process, with the keys copied there on their own
        Command restored = command(fresh, "restore", "--from", backup.toString());
        assertThat(restored.status()).as(restored.output()).isZero();
        Restore again = restoreInProcess(backup, fresh.resolve("homeward-data"), freshKeys);
        assertThat(again.err()).contains("is not empty");

        Running second = start(fresh, "restored");
        awaitCaughtUp(second);
        Api auditorAfter = second.as(Role.AUDITOR, "org-audit");
        // the audit first: the timelines read below are audited in turn
        assertThat(audit(auditorAfter, timelines.keySet())).isEqualTo(audit);
        assertThat(outcomes(second)).isEqualTo(outcomes);
        Api supervisorAfter = second.as(Role.SUPERVISOR, KNOWN);
        for (Map.Entry<String, String> timeline : timelines.entrySet()) {
            assertThat(supervisorAfter.get("/api/v1/journeys/" + timeline.getKey() + "/timeline?purpose=SUPERVISION")
                                      .body()).isEqualTo(timeline.getValue());
        }

        // what the writers did during the backup: whole journeys, each a prefix, the projection agreeing
        Map<String, Long> stored = second.eventsPerJourney();
        Api busyAfter = second.as(Role.SUPERVISOR, BUSY);
        acknowledgedBeforeBackup.forEach((journey, events) ->
                assertThat(stored.getOrDefault(journey, 0L)).as("journey %s acknowledged before the backup", journey)
                                                            .isGreaterThanOrEqualTo(events));
        for (Map.Entry<String, Integer> attempted : writers.attempted.entrySet()) {
            long events = stored.getOrDefault(attempted.getKey(), 0L);
            assertThat(events).isLessThanOrEqualTo(attempted.getValue());
            if (events > 0) {
                JsonNode timeline = busyAfter.get("/api/v1/journeys/" + attempted.getKey() + "/timeline").json();
                assertThat(timeline.path("version").asLong()).as("the timeline agrees with the restored events")
                                                             .isEqualTo(events - 1);
                assertThat(timeline.path("milestones")).hasSize((int) events - 1);
            }
        }

        // the chain verifies, as far as before and with the same signing key
        JsonNode chainAfter = awaitChained(auditorAfter, headBefore);
        assertThat(chainAfter.path("intact").asBoolean()).as(chainAfter.toString()).isTrue();
        assertThat(chainAfter.path("checkpointKey").asString()).isEqualTo(chainBefore.path("checkpointKey").asString());
        assertThat(chainAfter.path("signedUpTo").asLong())
                .isGreaterThanOrEqualTo(chainBefore.path("signedUpTo").asLong());

        // and new writes work, after the restored ones
        String journey = timelines.keySet().iterator().next();
        Reply next = supervisorAfter.post("/api/v1/journeys/" + journey + "/milestones",
                                          milestone("MEDICAL_CHECKUP_DONE", INTAKE.plusDays(9), null));
        assertThat(next.status()).isEqualTo(201);
        assertThat(next.json().path("version").asLong()).as("after the 4 restored events").isEqualTo(4);
        assertThat(second.sql("select max(global_index) from domain_event_entry")).isGreaterThan(headBefore);
        second.stop();
    }

    /**
     * kill -9 of a backup halfway through its copy: no file under the backup's name, the database gives up the
     * backup and its WAL slot with the dead session (nothing held for ever), the application goes on, and the next
     * backup works.
     */
    @Test
    @Order(1)
    void aBackupKilledHalfwayLeavesNoBackupAndHoldsNothing() throws Exception {
        Running first = original();
        Api supervisor = first.as(Role.SUPERVISOR, KNOWN);
        assertThat(supervisor.post("/api/v1/journeys", intake(KNOWN, "cm-before")).status()).isEqualTo(201);
        Path backup = elsewhere.resolve("killed.backup");
        Process backingUp = launch(original, elsewhere.resolve("killed-backup.log"), "backup", "--to",
                                   backup.toString());
        applications.add(backingUp);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
            try (Stream<Path> partial = Files.list(elsewhere)) {
                return partial.anyMatch(p -> p.getFileName().toString().endsWith(".partial")
                                             && p.toFile().length() > 1_000_000);
            }
        });
        assertThat(first.sql("select count(*) from pg_replication_slots")).as("the backup's slot, while it runs")
                                                                          .isEqualTo(1);
        backingUp.destroyForcibly().waitFor();

        assertThat(backup).doesNotExist();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                  .until(() -> first.sql("select count(*) from pg_replication_slots") == 0);
        assertThat(supervisor.post("/api/v1/journeys", intake(KNOWN, "cm-before")).status()).isEqualTo(201);
        Command again = command(original, "backup", "--to", backup.toString());
        assertThat(again.status()).as(again.output()).isZero();
    }

    /** The original application, started on the first call: both tests back it up. */
    private Running original() throws IOException, InterruptedException {
        if (running == null) {
            running = start(original, "original");
        }
        return running;
    }

    @AfterAll
    void stopWhatIsLeft() throws IOException, InterruptedException {
        for (Process application : applications) {
            application.destroyForcibly().waitFor();
        }
    }

    // --- the writers during the backup

    /** Two clients each opening journeys and recording milestones as fast as they are answered. */
    private static final class Writers {

        final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        final Map<String, Integer> attempted = new ConcurrentHashMap<>();
        final AtomicInteger failures = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final Api api;

        Writers(Api api) {
            this.api = api;
        }

        void start() {
            for (int t = 0; t < 2; t++) {
                Thread thread = new Thread(this::write, "writer-" + t);
                threads.add(thread);
                thread.start();
            }
        }

        private void write() {
            while (running.get()) {
                Reply opened = api.post("/api/v1/journeys", intake(BUSY, "cm-busy"));
                if (opened.status() != 201) {
                    failures.incrementAndGet();
                    return;
                }
                String journey = opened.text("journeyId");
                acknowledged.put(journey, 1);
                for (int m = 0; m < 4 && running.get(); m++) {
                    attempted.put(journey, m + 2);
                    Reply recorded = api.post("/api/v1/journeys/" + journey + "/milestones",
                                              milestone("SHELTER_ENTERED", INTAKE.plusDays(m), null));
                    if (recorded.status() != 201) {
                        failures.incrementAndGet();
                        return;
                    }
                    acknowledged.put(journey, m + 2);
                }
                attempted.putIfAbsent(journey, 1);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    // --- what is compared

    private static Map<String, String> audit(Api auditor, Iterable<String> journeys) {
        Map<String, String> audit = new LinkedHashMap<>();
        for (String journey : journeys) {
            audit.put("events " + journey, auditor.get("/api/v1/audit/events?journeyId=" + journey
                                                       + "&order=oldest&size=500").body());
            Reply reads = auditor.get("/api/v1/audit/reads?journeyId=" + journey + "&size=500");
            assertThat(reads.json().path("total").asLong()).as("reads of %s audited", journey).isEqualTo(1);
            audit.put("reads " + journey, reads.body());
        }
        return audit;
    }

    private static String outcomes(Running application) {
        Reply outcomes = application.as(Role.EVALUATOR, "org-funder").get("/api/v1/outcomes?organisation=" + KNOWN);
        assertThat(outcomes.status()).as(outcomes.body()).isEqualTo(200);
        return outcomes.body();
    }

    private static void awaitCaughtUp(Running application) {
        Api admin = application.as(Role.ADMINISTRATOR, "org-admin");
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> admin.get("/api/v1/admin/projections")
                .json().valueStream().allMatch(p -> !p.path("rebuilding").asBoolean()
                                                    && p.path("behind").asLong() == 0));
    }

    /** A verification once the chain covers {@code position}. */
    private static JsonNode awaitChained(Api auditor, long position) {
        return Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                         .until(() -> auditor.postRaw("/api/v1/audit/verify", "").json(),
                                v -> v.path("intact").asBoolean() && v.path("verifiedUpTo").asLong() >= position
                                     && v.path("signedUpTo").asLong() > 0);
    }

    // --- the processes

    private record Command(int status, String output) {
    }

    /** {@code java ... HomewardApplication <arguments>} in {@code home}, as an operator runs it, to its end. */
    private static Command command(Path home, String... arguments) throws IOException, InterruptedException {
        Path log = Files.createTempFile(home.getParent(), "command-", ".log");
        Process command = launch(home, log, arguments);
        assertThat(command.waitFor(5, TimeUnit.MINUTES)).as("%s finished", arguments[0]).isTrue();
        return new Command(command.exitValue(), Files.readString(log));
    }

    private static Process launch(Path home, Path log, String... arguments) throws IOException {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", ProductLogging.JVM_OPTION, "-cp", System.getProperty("java.class.path"),
                HomewardApplication.class.getName()));
        line.addAll(List.of(arguments));
        return new ProcessBuilder(line).directory(home.toFile()).redirectErrorStream(true)
                                       .redirectOutput(log.toFile()).start();
    }

    private record Restore(int status, String err) {
    }

    private static Restore restoreInProcess(Path backup, Path data, Path keys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RestoreCommand.run(new String[] {"restore", "--from", backup.toString(),
                                                      "--homeward.embedded-database.directory=" + data,
                                                      "--homeward.embedded-database.keys-directory=" + keys,
                                                      "--homeward.privacy.master-key-file="
                                                      + keys.resolve("master.key")},
                                        new PrintStream(out, true), new PrintStream(err, true));
        return new Restore(status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    /** The keys as an operator keeps them: their own copy, owner-only, never in the backup file. */
    private static void copyKeys(Path from, Path to) throws IOException {
        Files.createDirectories(to, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** A Homeward started as its own JVM in {@code home}, its data and keys in their default places there. */
    private final class Running {

        private final Process process;
        private final Path home;
        private final int port;

        Running(Process process, Path home, int port) {
            this.process = process;
            this.home = home;
            this.port = port;
        }

        Api as(Role role, String organisation) {
            return TestUsers.as(port, role, role.name().toLowerCase() + "-backup-test", organisation);
        }

        long sql(String query) throws Exception {
            try (Connection connection = connect(); Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery(query)) {
                row.next();
                return row.getLong(1);
            }
        }

        Map<String, Long> eventsPerJourney() throws Exception {
            Map<String, Long> events = new LinkedHashMap<>();
            try (Connection connection = connect(); Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("select aggregate_identifier, count(*) from domain_event_entry"
                                                   + " group by aggregate_identifier")) {
                while (rows.next()) {
                    events.put(rows.getString(1), rows.getLong(2));
                }
            }
            return events;
        }

        private Connection connect() throws Exception {
            Path data = home.resolve("homeward-data");
            Properties login = new Properties();
            login.setProperty("user", EmbeddedDatabase.SUPERUSER);
            Path password = home.resolve("homeward-keys").resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE);
            login.setProperty("password", Files.readString(password).strip());
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                                               + EmbeddedDatabase.runningPort(data).orElseThrow() + "/postgres", login);
        }

        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
        }
    }

    private Running start(Path home, String name) throws IOException, InterruptedException {
        Path log = home.getParent().resolve(home.getFileName() + "-" + name + ".log");
        int port = freePort();
        int management = freePort();
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", ProductLogging.JVM_OPTION, "-cp", System.getProperty("java.class.path"),
                HomewardApplication.class.getName(), "--server.port=" + port,
                "--management.server.port=" + management,
                "--homeward.access.local-key-file=" + TestUsers.KEY_FILE));
        line.addAll(List.of(QUICK_CHAIN));
        Process application = new ProcessBuilder(line).directory(home.toFile()).redirectErrorStream(true)
                                                      .redirectOutput(log.toFile()).start();
        applications.add(application);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(application.isAlive()).as("%s start, see %s:%n%s", name, log, tail(log)).isTrue();
            try {
                HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + management + "/actuator/health/readiness")).build(),
                                                           HttpResponse.BodyHandlers.ofString());
                if (readiness.statusCode() == 200) {
                    return new Running(application, home, port);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " start was not ready within " + READY_WITHIN + ":\n" + tail(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Which of {@code wanted} each entry of the zip holds, inflated. */
    private static List<String> containedInEntries(Path backup, List<String> wanted) throws IOException {
        List<String> found = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                found.addAll(contained(latin1(zip.readAllBytes()), wanted));
            }
        }
        return found;
    }

    private static List<String> contained(String content, List<String> wanted) {
        return wanted.stream().filter(content::contains).toList();
    }

    /** Bytes as one char each, so String's fast search finds byte sequences. */
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
