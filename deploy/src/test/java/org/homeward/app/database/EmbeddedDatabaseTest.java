package org.homeward.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The embedded default is as durable as a configured server and closed to everyone but the application, which
 * is not its superuser; a data directory made by the earlier, open embedded default is closed on its next start.
 */
class EmbeddedDatabaseTest {

    private static final String NOBODY = "65534";

    @TempDir
    Path home;

    /** For the tests that only look at a fresh server: one server for them all, for the class. */
    @TempDir
    static Path untouchedHome;
    private static EmbeddedServer untouched;

    /**
     * The server of the tests that change nothing in it (they look at its settings, roles, files and who may
     * connect): started on the class's directory by the first of them, which the test's data() and keys() then
     * name; stopped after the class.
     */
    private EmbeddedServer untouched() throws IOException {
        home = untouchedHome;
        if (untouched == null) {
            untouched = EmbeddedDatabase.start(data(), keys());
        }
        return untouched;
    }

    @AfterAll
    static void stopUntouched() throws IOException {
        if (untouched != null) {
            untouched.close();
            untouched = null;
        }
    }

    private Path data() {
        return home.resolve("homeward-data");
    }

    private Path keys() {
        return home.resolve("homeward-keys");
    }

    @Test
    void writesAreDurableAsOnAConfiguredServer() throws IOException {
        EmbeddedServer server = untouched();
        JdbcTemplate sql = asApplication(server);
        assertThat(sql.queryForObject("show fsync", String.class)).isEqualTo("on");
        assertThat(sql.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        assertThat(sql.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
    }

    /** As measured before: writes acknowledged one by one, then every PostgreSQL process killed with -9. */
    @Test
    void acknowledgedWritesSurviveAKilledServer() throws Exception {
        AtomicLong acknowledged = new AtomicLong();
        Thread writer;
        try (EmbeddedServer server = EmbeddedDatabase.start(data(), keys())) {
            // made as migrations make tables: by the owner, writable by the application
            asSuperuser(server).execute("set role " + EmbeddedDatabase.OWNER_ROLE
                                        + "; create table acknowledged (n bigint primary key)");
            writer = new Thread(() -> {
                try (Connection connection = applicationSource(server).getConnection();
                     PreparedStatement insert = connection.prepareStatement("insert into acknowledged values (?)")) {
                    for (long n = 1; ; n++) {
                        insert.setLong(1, n);
                        insert.executeUpdate();
                        acknowledged.set(n);
                    }
                } catch (SQLException e) {
                    // the server was killed
                }
            });
            writer.start();
            // killed in the middle of a stream of acknowledged writes, as soon as a few hundred have gone
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.get() < 300 && writer.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            ProcessHandle postmaster = ProcessHandle.of(LeftoverServer.postmasterPid(data())).orElseThrow();
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
            writer.join(30_000);
        }
        assertThat(acknowledged.get()).as("writes acknowledged before the kill").isPositive();

        try (EmbeddedServer restarted = EmbeddedDatabase.start(data(), keys())) {
            assertThat(asApplication(restarted).queryForObject("select count(*) from acknowledged where n <= ?",
                                                                Long.class, acknowledged.get()))
                    .isEqualTo(acknowledged.get());
        }
    }

    @Test
    void letsInNoOneWithoutAPassword() throws IOException {
        EmbeddedServer server = untouched();
        assertThat(Files.readAllLines(data().resolve("pg_hba.conf")))
                .filteredOn(line -> !line.isBlank() && !line.startsWith("#"))
                .isNotEmpty()
                .noneMatch(line -> line.contains("trust"));
        for (String role : new String[] {EmbeddedDatabase.APPLICATION_ROLE, EmbeddedDatabase.SUPERUSER}) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), role, "").close())
                    .as("%s without a password", role).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), role, "0".repeat(64)).close())
                    .as("%s with a wrong password", role).isInstanceOf(SQLException.class);
        }
        JdbcTemplate sql = asSuperuser(server);
        assertThat(sql.queryForObject("show listen_addresses", String.class)).isEqualTo("127.0.0.1");
        assertThat(sql.queryForObject("show unix_socket_directories", String.class)).isEmpty();
        assertThat(Path.of("/tmp/.s.PGSQL." + server.port())).as("zonky's world-writable socket").doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                keys().resolve(EmbeddedDatabase.APPLICATION_PASSWORD_FILE)))).isEqualTo("rw-------");
    }

    /** As the measured attack: another local account (nobody) with psql, first reading the passwords. */
    @Test
    void anotherLocalAccountCannotGetIn() throws Exception {
        // only root can act as another account; without that every refusal below would pass for nothing
        Assumptions.assumeTrue(asNobody("true") == 0, "needs to run as root to act as another account");
        assertThat(asNobody("psql", "--version")).as("psql runs as the other account").isZero();
        EmbeddedServer server = untouched();
        assertThat(asNobody("cat", keys().resolve(EmbeddedDatabase.APPLICATION_PASSWORD_FILE).toString()))
                .as("reading the password").isNotZero();
        for (String role : new String[] {EmbeddedDatabase.APPLICATION_ROLE, EmbeddedDatabase.SUPERUSER}) {
            assertThat(asNobody("psql", "-w", "-h", "127.0.0.1", "-p", Integer.toString(server.port()),
                                "-U", role, "-d", EmbeddedDatabase.DATABASE, "-c", "select 1"))
                    .as("connecting as %s", role).isNotZero();
        }
    }

    @Test
    void applicationIsNoSuperuserAndCannotReadTheKeys() throws IOException {
        EmbeddedServer server = untouched();
        Path masterKey = keys().resolve("master.key");
        Files.write(masterKey, new byte[32]);
        JdbcTemplate sql = asApplication(server);
        assertThat(sql.queryForObject("select rolsuper from pg_roles where rolname = current_user",
                                      Boolean.class)).isFalse();
        assertThat(sql.queryForObject("select pg_has_role(current_user, 'pg_read_server_files', 'member')",
                                      Boolean.class)).isFalse();
        assertThatThrownBy(() -> sql.queryForObject("select pg_read_binary_file(?)", byte[].class,
                                                    masterKey.toString()))
                .rootCause().hasMessageContaining("permission denied for function pg_read_binary_file");
    }

    /** Whoever holds the application's connection (an SQL injection, say) may write rows, not change the rules. */
    @Test
    void applicationCannotDisableTheTriggersOrAlterTheTables() throws IOException {
        try (EmbeddedServer server = EmbeddedDatabase.start(data(), keys())) {
            migrateAsOwner(server);
            JdbcTemplate sql = asApplication(server);
            recordEvent(sql, "event-kept", 0);

            for (String change : new String[] {
                    "alter table domain_event_entry disable trigger all",
                    "alter table domain_event_entry drop column payload",
                    "drop table domain_event_entry",
                    "create table smuggled (n int)",
                    "set session_replication_role = replica"}) {
                assertThatThrownBy(() -> sql.execute(change)).as(change)
                        .rootCause().hasMessageMatching("(?s).*(must be (the )?owner|permission denied).*");
            }
            assertThatThrownBy(() -> sql.update("delete from domain_event_entry"))
                    .hasMessageContaining("events are immutable");
            assertThatThrownBy(() -> sql.execute("truncate domain_event_entry"))
                    .hasMessageContaining("events are immutable");
            assertThat(sql.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(1);
        }
    }

    @Test
    void dataDirectoryOfTheOpenDefaultIsClosedAndKeepsItsEvents() throws IOException {
        // as the embedded default made them before: trust everywhere, and the schema made by the superuser
        try (EmbeddedPostgres open = EmbeddedPostgres.builder().setDataDirectory(data())
                                                     .setCleanDataDirectory(false)
                                                     .setServerConfig("max_connections", "100").start()) {
            DriverManagerDataSource superuser = new DriverManagerDataSource(
                    open.getJdbcUrl("postgres", "postgres"), "postgres", "");
            migrate(superuser);
            recordEvent(new JdbcTemplate(superuser), "event-before", 0);
        }

        try (EmbeddedServer server = EmbeddedDatabase.start(data(), keys())) {
            assertThat(Files.readString(data().resolve("pg_hba.conf"))).doesNotContain("trust");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            JdbcTemplate sql = asApplication(server);
            assertThat(sql.queryForList("select event_identifier from domain_event_entry", String.class))
                    .containsExactly("event-before");
            assertThat(sql.queryForList("select tablename from pg_tables where schemaname = 'public'"
                                        + " and tableowner <> ?", String.class, EmbeddedDatabase.OWNER_ROLE))
                    .isEmpty();
            migrateAsOwner(server);
            recordEvent(sql, "event-after", 1);
            assertThatThrownBy(() -> sql.update("delete from domain_event_entry"))
                    .hasMessageContaining("events are immutable");
        }

        try (EmbeddedServer again = EmbeddedDatabase.start(data(), keys())) {
            assertThat(asApplication(again).queryForObject("select count(*) from domain_event_entry", Long.class))
                    .isEqualTo(2);
        }
    }

    /** As the application migrates: through the superuser, as the owner role. */
    private static void migrateAsOwner(EmbeddedServer server) {
        Flyway.configure().dataSource(server.jdbcUrl(), EmbeddedDatabase.SUPERUSER, server.superuserPassword())
              .initSql("set role " + EmbeddedDatabase.OWNER_ROLE).locations("classpath:db/migration").load().migrate();
    }

    private static void migrate(javax.sql.DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    private static void recordEvent(JdbcTemplate sql, String id, long sequence) {
        sql.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number,"
                   + " time_stamp, payload_type, payload) values (?, 'journey-1', ?, '2026-01-01T00:00:00Z',"
                   + " 'Synthetic', '\\x7b7d'::bytea)", id, sequence);
    }

    private static DriverManagerDataSource applicationSource(EmbeddedServer server) {
        return new DriverManagerDataSource(server.jdbcUrl(), EmbeddedDatabase.APPLICATION_ROLE,
                                           server.applicationPassword());
    }

    private JdbcTemplate asSuperuser(EmbeddedServer server) throws IOException {
        String password = Files.readString(keys().resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE));
        return new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(), EmbeddedDatabase.SUPERUSER, password));
    }

    private static JdbcTemplate asApplication(EmbeddedServer server) {
        return new JdbcTemplate(applicationSource(server));
    }

    private static int asNobody(String... command) throws IOException, InterruptedException {
        String[] asNobody = new String[command.length + 4];
        System.arraycopy(new String[] {"setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"}, 0,
                         asNobody, 0, 4);
        System.arraycopy(command, 0, asNobody, 4, command.length);
        Process process = new ProcessBuilder(asNobody).redirectErrorStream(true)
                                                      .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
