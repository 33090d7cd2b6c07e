package org.homeward.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.with;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.HomewardProcess;
import org.homeward.query.support.TestDatabases;
import org.homeward.privacy.Sealed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Erasure holds against someone who copies the database files (heap pages, WAL, a backup) and every master key
 * file that still exists: the erased person's old sealed key stays in a dead tuple of {@code person_key}, but
 * after the next rotation no key file left opens it, read from the pages or from the table's files and the WAL.
 * Everyone else's data keeps opening, in every process.
 */
class ErasureHoldsTest {

    /** Invented, distinctive names. */
    private static final String ERASED_NAME = "Yelvarine Qostrumova";
    private static final String KEPT_NAME = "Brunhalde Ozzimantrova";
    private static final String LATER_NAME = "Tiravelle Ungmarstock";
    /**
     * A sealed person key as it lies in the page: the prefix and Base64 of a 12-byte nonce, the 32-byte key and
     * a 16-byte tag (60 bytes, 80 characters). The fixed length keeps the bytes after it in the tuple out.
     */
    private static final Pattern SEALED_KEY = Pattern.compile(Pattern.quote(Sealed.PREFIX) + "[A-Za-z0-9+/]{80}");

    @TempDir
    Path keys;

    @Test
    void anErasedPersonsKeyOpensWithNoKeyFileLeftAfterTheNextRotation() {
        String database = TestDatabases.create();
        // the first process checks for erasures too seldom to rotate during the test: it is the one that did
        // not rotate, and must keep working after the second did
        try (HomewardProcess first = new HomewardProcess(database, keyFile(), "homeward.privacy.rotation-check=1h")) {
            JdbcTemplate attacker = first.jdbc();
            String firstWal = attacker.queryForObject("select pg_walfile_name(pg_current_wal_lsn())", String.class);
            Api api = first.as(Role.SUPERVISOR);
            UUID erased = open(api, ERASED_NAME);
            UUID kept = open(api, KEPT_NAME);
            assertThat(api.post("/api/v1/journeys/" + erased + "/erasure",
                                Map.of("requestedOn", INTAKE.plusDays(9).toString())).status()).isEqualTo(200);

            assertThat(recoverable(attacker, erased))
                    .as("reproduction: the erased key is still in the page and opens with a key file present").isTrue();
            assertThat(recoverableFromFiles(attacker, erased, firstWal))
                    .as("reproduction: the erased key is in the table's files and the WAL and opens").isTrue();

            try (HomewardProcess second = new HomewardProcess(database, keyFile(),
                                                              "homeward.privacy.rotation-check=1s")) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                          .until(() -> !recoverable(attacker, erased));

                assertThat(recoverableFromFiles(attacker, erased, firstWal))
                        .as("the table's files and the WAL, with every key file left").isFalse();
                assertThat(masterKeyFiles()).as("the superseded master key file is gone").hasSize(1);
                assertThat(fullName(second.as(Role.SUPERVISOR), kept)).isEqualTo(KEPT_NAME);
                assertThat(fullName(first.as(Role.SUPERVISOR), kept))
                        .as("the process that did not rotate reloads the keys").isEqualTo(KEPT_NAME);
                UUID later = open(first.as(Role.SUPERVISOR), LATER_NAME);
                assertThat(fullName(second.as(Role.SUPERVISOR), later))
                        .as("a person key made by the process that did not rotate is sealed under the new key")
                        .isEqualTo(LATER_NAME);
                assertThat(fullName(first.as(Role.SUPERVISOR), erased)).isNull();
            }
        }
    }

    @Test
    void aStartAfterACrashMidRotationKeepsOnlyTheKeyTheDatabaseSaysIsCurrent() throws IOException {
        String database = TestDatabases.create();
        Path first = keys.resolve("master.key");
        Path second = keys.resolve("master-2.key");
        UUID journey;
        try (HomewardProcess process = new HomewardProcess(database, keyFile(), "homeward.privacy.rotation-check=1h")) {
            journey = open(process.as(Role.SUPERVISOR), KEPT_NAME);
        }
        // a crash before the rotation committed: a new key file that the database never recorded
        KeyFiles.readOrCreate(second, 32);
        byte[] unused = Files.readAllBytes(second);

        try (HomewardProcess process = new HomewardProcess(database, keyFile(), "homeward.privacy.rotation-check=1h")) {
            assertThat(masterKeyFiles()).as("the unused new key is discarded").containsExactly(first);
            assertThat(fullName(process.as(Role.SUPERVISOR), journey)).isEqualTo(KEPT_NAME);

            byte[] old = Files.readAllBytes(first);
            assertThat(process.bean(MasterKeyRotation.class).rotate(true)).isTrue();
            assertThat(masterKeyFiles()).containsExactly(second);
            assertThat(Files.readAllBytes(second)).as("a new key, not the discarded one").isNotEqualTo(unused);
            assertThatThrownBy(() -> process.jdbc().update(
                    "insert into person_key (journey_id, sealed_key, master_key_id, created_at)"
                    + " values (gen_random_uuid(), 'enc:v1:AAAA', 1, now())"))
                    .as("the database refuses a person key sealed under a key no longer current")
                    .hasMessageContaining("HW001");
            // a crash after the commit, before the old file was destroyed: put it back
            Files.write(first, old);
            Files.setPosixFilePermissions(first, PosixFilePermissions.fromString("rw-------"));
        }

        try (HomewardProcess process = new HomewardProcess(database, keyFile(), "homeward.privacy.rotation-check=1h")) {
            assertThat(masterKeyFiles()).as("the superseded key is destroyed").containsExactly(second);
            assertThat(fullName(process.as(Role.SUPERVISOR), journey)).isEqualTo(KEPT_NAME);
        }
    }

    @Test
    void theMasterKeyIsRotatedOnScheduleWithoutAnErasure() {
        String database = TestDatabases.create();
        try (HomewardProcess process = new HomewardProcess(database, keyFile(), "homeward.privacy.rotate-every=1s",
                                                           "homeward.privacy.rotation-check=500ms")) {
            UUID journey = open(process.as(Role.SUPERVISOR), KEPT_NAME);

            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                      .until(() -> masterKeyFiles().stream().noneMatch(f -> f.endsWith("master.key"))
                                   && process.jdbc().queryForObject("select max(key_id) from master_key",
                                                                    Integer.class) >= 2);
            assertThat(fullName(process.as(Role.SUPERVISOR), journey)).isEqualTo(KEPT_NAME);
        }
    }

    private List<Path> masterKeyFiles() {
        return keyFiles().stream().filter(f -> f.getFileName().toString().startsWith("master")).toList();
    }

    private String keyFile() {
        return "homeward.privacy.master-key-file=" + keys.resolve("master.key");
    }

    private static UUID open(Api api, String name) {
        Api.Reply opened = api.post("/api/v1/journeys", with(intake(), "person", Map.of("fullName", name)));
        assertThat(opened.status()).isEqualTo(201);
        return UUID.fromString(opened.text("journeyId"));
    }

    /** The name as the timeline shows it, waiting until the timeline knows the journey; null once erased. */
    private static String fullName(Api api, UUID journey) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                         .until(() -> api.get("/api/v1/journeys/" + journey + "/timeline"), r -> r.status() == 200)
                         .json().path("person").path("fullName").asString(null);
    }

    /**
     * What an attacker with a copy of the database and of the keys directory can do: every sealed key text in
     * the raw pages of {@code person_key}, dead tuples included, tried with every key file there is.
     */
    private boolean recoverable(JdbcTemplate database, UUID journey) {
        database.execute("create extension if not exists pageinspect");
        long pages = database.queryForObject(
                "select pg_relation_size('person_key') / current_setting('block_size')::int", Long.class);
        List<String> sealedKeys = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            byte[] raw = database.queryForObject("select get_raw_page('person_key', ?)", byte[].class, page);
            Matcher found = SEALED_KEY.matcher(new String(raw, StandardCharsets.ISO_8859_1));
            while (found.find()) {
                sealedKeys.add(found.group());
            }
        }
        assertThat(sealedKeys).as("the attacker finds sealed keys in the pages").isNotEmpty();
        return opens(sealedKeys, journey);
    }

    /**
     * The same with a copy of the files themselves: {@code person_key}'s files as a checkpoint leaves them on disk,
     * and the WAL written since the test began (later names are recycled segments holding older WAL).
     */
    private boolean recoverableFromFiles(JdbcTemplate database, UUID journey, String firstWal) {
        database.execute("checkpoint");
        Path data = Path.of(database.queryForObject("show data_directory", String.class));
        Path table = data.resolve(database.queryForObject("select pg_relation_filepath('person_key')", String.class));
        String lastWal = database.queryForObject("select pg_walfile_name(pg_current_wal_lsn())", String.class);
        List<String> sealedKeys = new ArrayList<>();
        try (Stream<Path> tableFiles = Files.list(table.getParent());
             Stream<Path> walFiles = Files.list(data.resolve("pg_wal"))) {
            Stream.concat(
                    tableFiles.filter(f -> f.getFileName().toString()
                                            .matches(Pattern.quote(table.getFileName().toString()) + "(\\.\\d+)?")),
                    walFiles.filter(f -> f.getFileName().toString().matches("[0-9A-F]{24}")
                                         && f.getFileName().toString().compareTo(firstWal) >= 0
                                         && f.getFileName().toString().compareTo(lastWal) <= 0))
                  .forEach(file -> {
                      Matcher found = SEALED_KEY.matcher(new String(read(file), StandardCharsets.ISO_8859_1));
                      while (found.find()) {
                          sealedKeys.add(found.group());
                      }
                  });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(sealedKeys).as("the attacker finds sealed keys in the files").isNotEmpty();
        return opens(sealedKeys, journey);
    }

    /** Whether a key file there is opens one of the sealed keys as the journey's. */
    private boolean opens(List<String> sealedKeys, UUID journey) {
        for (Path file : keyFiles()) {
            byte[] masterKey = read(file);
            for (String sealedKey : sealedKeys) {
                try {
                    new Sealed(sealedKey).open(masterKey, journey);
                    return true;
                } catch (IllegalArgumentException notThisOne) {
                    // another person's key, or a master key that did not seal it
                }
            }
        }
        return false;
    }

    /** Every file in the keys directory that could be a key, whatever its name. */
    private List<Path> keyFiles() {
        try (Stream<Path> files = Files.list(keys)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
