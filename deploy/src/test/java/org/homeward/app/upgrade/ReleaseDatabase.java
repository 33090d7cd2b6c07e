package org.homeward.app.upgrade;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.homeward.query.support.TestDatabases;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database as a release left it, made from what {@code deploy/upgrade/capture.sh} captured of that release under
 * {@code upgrade/<release>/} in the test resources: the release's own migrations applied by Flyway, then its rows
 * written back exactly (events byte for byte, so the hash chain the release wrote still covers them), and the
 * synthetic master key it sealed person keys with, in a keys directory of its own.
 */
final class ReleaseDatabase {

    private static final JsonMapper json = JsonMapper.builder().build();

    final String release;
    final Path fixture;
    final String url;
    final Path masterKeyFile;

    private ReleaseDatabase(String release, Path fixture, String url, Path masterKeyFile) {
        this.release = release;
        this.fixture = fixture;
        this.url = url;
        this.masterKeyFile = masterKeyFile;
    }

    /** A fresh database holding exactly what the release left. */
    static ReleaseDatabase create(String release) {
        Path fixture = fixture(release);
        String url = TestDatabases.create();
        // the release's migrations as it shipped them; the release's Flyway had them in order, as here
        Flyway.configure()
              .dataSource(url, "postgres", "")
              .locations("filesystem:" + fixture.resolve("migrations"))
              .load()
              .migrate();
        ReleaseDatabase database = new ReleaseDatabase(release, fixture, url, null);
        Map<String, Integer> recreated = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("select version, checksum from flyway_schema_history"
                                               + " where version is not null order by installed_rank")) {
            while (rows.next()) {
                recreated.put(rows.getString(1), rows.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (!recreated.equals(database.releaseChecksums())) {
            throw new IllegalStateException("the migrations under " + fixture.resolve("migrations") + " are not the"
                                            + " ones release " + release + " applied: " + recreated + " vs "
                                            + database.releaseChecksums());
        }
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // rows go back as they were: no trigger or foreign key checks them again (the release wrote them
                // in its own order; a migration's seed row, such as the chain head, is replaced by the release's)
                statement.execute("set session_replication_role = replica");
            }
            writeEvents(connection, fixture.resolve("events.jsonl"));
            writeTables(connection, fixture.resolve("tables"));
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the rows of release " + release, e);
        }
        return new ReleaseDatabase(release, fixture, url, masterKey(fixture));
    }

    /** Version and checksum of each migration, as the release's Flyway recorded them. */
    Map<String, Integer> releaseChecksums() {
        Map<String, Integer> checksums = new LinkedHashMap<>();
        for (String line : lines(fixture.resolve("history.tsv"))) {
            String[] columns = line.split("\\|");
            checksums.put(columns[0], Integer.valueOf(columns[1]));
        }
        return checksums;
    }

    /** How many events the release stored. */
    long releaseEvents() {
        return lines(fixture.resolve("events.jsonl")).size();
    }

    JsonNode expected(String name) {
        return json.readTree(fixture.resolve("expected").resolve(name).toFile());
    }

    boolean hasExpected(String name) {
        return Files.exists(fixture.resolve("expected").resolve(name));
    }

    static Path fixture(String release) {
        try {
            return Path.of(ReleaseDatabase.class.getResource("/upgrade/" + release).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no captured release " + release + " in the test resources", e);
        }
    }

    private static void writeEvents(Connection connection, Path events) throws SQLException {
        long newest = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                + " overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (String line : lines(events)) {
                JsonNode event = json.readTree(line);
                long position = event.path("global_index").asLong();
                newest = Math.max(newest, position);
                insert.setLong(1, position);
                insert.setString(2, event.path("event_identifier").asString());
                insert.setString(3, event.path("aggregate_identifier").asString());
                insert.setLong(4, event.path("sequence_number").asLong());
                insert.setString(5, text(event, "type"));
                insert.setString(6, event.path("time_stamp").asString());
                insert.setString(7, event.path("payload_type").asString());
                insert.setString(8, text(event, "payload_revision"));
                // the exact bytes the release stored: the chain's hashes cover them
                insert.setBytes(9, event.path("payload").asString().getBytes(StandardCharsets.UTF_8));
                String metaData = text(event, "meta_data");
                if (metaData == null) {
                    insert.setNull(10, Types.BINARY);
                } else {
                    insert.setBytes(10, metaData.getBytes(StandardCharsets.UTF_8));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table domain_event_entry alter column global_index restart with " + (newest + 1));
        }
    }

    private static void writeTables(Connection connection, Path tables) throws SQLException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(tables)) {
            listed.filter(file -> file.toString().endsWith(".tsv")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String table = file.getFileName().toString().replace(".tsv", "");
            try (Statement statement = connection.createStatement(); Reader rows = Files.newBufferedReader(file)) {
                statement.execute("delete from " + table);
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin", rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The release's synthetic master key, in a directory only its owner reads, as key files must be. */
    private static Path masterKey(Path fixture) {
        try {
            Path directory = Files.createTempDirectory("homeward-upgrade-keys",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path file = directory.resolve("master.key");
            byte[] key = Base64.getDecoder().decode(Files.readString(fixture.resolve("master-key.b64")).strip());
            Files.write(file, key);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }
}
