package org.homeward.app.database;

import com.sun.security.auth.module.UnixSystem;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.Set;
import org.homeward.app.HomewardSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database when none is configured: a real PostgreSQL from the binaries shipped in the jar, keeping
 * its data in a local folder across restarts. Configure {@code spring.datasource.url} to use a server instead.
 *
 * <p>It is as durable as a configured server (fsync, synchronous commit and full page writes on) and closed: it
 * listens on 127.0.0.1 only, has no unix socket, and lets in only its superuser and the application's role, each
 * with a random password kept in the keys directory. The application connects as {@link #APPLICATION_ROLE}, which
 * may read and write the application's tables but owns nothing and is not a superuser: it cannot read the server's
 * files (the keys), nor alter a table or disable the triggers that keep events immutable. The tables belong to
 * {@link #OWNER_ROLE}, which cannot log in; migrations run as it, through the superuser.
 * A unix socket in a private directory would need no password, but zonky checks that the server is up over TCP.
 *
 * <p>PostgreSQL refuses to run as root. When the application runs as root, zonky starts every PostgreSQL
 * process through {@code unshare -U}, a user namespace in which the process is not root, so the default works
 * for root and non-root alike; {@link #start} checks that this is possible and says what to do when it is not.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabase {

    /** The role the application connects as: it reads and writes the application's tables and owns nothing. */
    public static final String APPLICATION_ROLE = "homeward";
    /** The role that owns the application's schema and tables; it cannot log in, migrations take it on. */
    public static final String OWNER_ROLE = "homeward_owner";
    public static final String SUPERUSER = "postgres";
    /** The one database; the old embedded default kept its tables here too, so existing data stays put. */
    public static final String DATABASE = "postgres";
    public static final String SUPERUSER_PASSWORD_FILE = "database-superuser.password";
    public static final String APPLICATION_PASSWORD_FILE = "database-application.password";

    private static final String CLOSED_HBA = """
            # Written by Homeward on every start: only its two roles, only from 127.0.0.1, only with a password.
            host postgres postgres 127.0.0.1/32 scram-sha-256
            host postgres homeward 127.0.0.1/32 scram-sha-256
            """;
    /**
     * For the one start that closes a data directory made before the embedded default was closed, whose superuser
     * has no password yet. Such a directory let every local account in as superuser until now; this is narrower.
     */
    private static final String CLOSING_HBA = """
            # Written by Homeward for one start: sets the passwords, then the closed lines replace this one.
            host postgres postgres 127.0.0.1/32 trust
            """;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(HomewardSettings settings) throws IOException {
        Path directory = settings.embeddedDatabase().directory();
        Path keys = settings.embeddedDatabase().keysDirectory();
        EmbeddedServer server = start(directory, keys);
        server.haltWhenItDies();
        return server;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(APPLICATION_ROLE);
        dataSource.setPassword(server.applicationPassword());
        return dataSource;
    }

    /** Migrations create and alter tables, so they run as the tables' owner, which the application is not. */
    @Bean
    FlywayConfigurationCustomizer migrationsAsOwner(EmbeddedServer server) {
        return flyway -> flyway.dataSource(server.jdbcUrl(), SUPERUSER, server.superuserPassword())
                               .initSql("set role " + OWNER_ROLE);
    }

    /**
     * Starts PostgreSQL on a free port of 127.0.0.1 with its data in {@code directory}, creating the cluster on
     * first use and closing one made by an earlier version; its passwords are kept in {@code keysDirectory}.
     */
    public static EmbeddedServer start(Path directory, Path keysDirectory) throws IOException {
        if (runningAsRoot() && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException(
                    "PostgreSQL cannot run as root and this machine does not allow user namespaces (unshare -U). "
                    + "Run Homeward as an unprivileged user, or set SPRING_DATASOURCE_URL to a PostgreSQL server.");
        }
        Path data = directory.toAbsolutePath();
        LeftoverServer.stopIfAny(data);
        Path keys = privateDirectory(keysDirectory.toAbsolutePath());
        Path superuserPasswordFile = keys.resolve(SUPERUSER_PASSWORD_FILE);
        String superuserPassword = readOrCreatePassword(superuserPasswordFile);
        String applicationPassword = readOrCreatePassword(keys.resolve(APPLICATION_PASSWORD_FILE));
        boolean closing = Files.exists(data.resolve("postgresql.conf")) && !closed(data);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                // zonky waits 10 s; recovery after a crash, with fsync on, on a busy machine, can take longer
                .setPGStartupWait(Duration.ofMinutes(2))
                // stopped by Spring after the data source closes; zonky's own hook would stop it under live requests
                .setRegisterShutdownHook(false)
                // zonky passes -F (fsync off) and synchronous_commit=off for speed: a -c given after -F wins
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // zonky's default socket is world-writable in /tmp; the driver connects over TCP anyway
                .setServerConfig("unix_socket_directories", "''")
                // zonky's only way to pass an initdb option (as --pwfile=...): a new cluster's superuser password
                .setLocaleConfig("pwfile", superuserPasswordFile.toString())
                .setConnectConfig("password", superuserPassword)
                .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath(), closing ? CLOSING_HBA : CLOSED_HBA))
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            // a failed statement is logged with its text, and these carry passwords
            sql.execute("set log_min_error_statement = panic");
            if (closing) {
                sql.execute("alter role postgres password '" + superuserPassword + "'");
            }
            prepareRoles(sql, applicationPassword);
            if (closing) {
                writeHba(data, CLOSED_HBA);
                sql.execute("select pg_reload_conf()");
                // anyone who came in through the closing line while it was open
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                            + " where backend_type = 'client backend' and pid <> pg_backend_pid()");
            }
            return new EmbeddedServer(postgres, data, superuserPassword, applicationPassword);
        } catch (SQLException | IOException | RuntimeException e) {
            postgres.close();
            throw new IllegalStateException("Could not prepare the embedded database for the application", e);
        }
    }

    /**
     * The port of the PostgreSQL serving {@code directory} now, started by a running Homeward or left by a killed
     * one; empty when none serves it.
     */
    public static OptionalInt runningPort(Path directory) throws IOException {
        Path data = directory.toAbsolutePath();
        return LeftoverServer.liveServer(data).isPresent() ? OptionalInt.of(LeftoverServer.postmasterPort(data))
                                                           : OptionalInt.empty();
    }

    /** Whether a Homeward, or a PostgreSQL it left running, is on {@code directory}. */
    public static boolean inUse(Path directory) throws IOException {
        Path data = directory.toAbsolutePath();
        return LeftoverServer.held(data) || LeftoverServer.liveServer(data).isPresent();
    }

    /**
     * The owner role owns the schema and everything in it; the application's role may use what is there. Earlier
     * versions made the tables as the superuser, then as the application's role: both are handed to the owner on
     * every start, so a data directory of any version ends the same.
     */
    private static void prepareRoles(Statement sql, String password) throws SQLException {
        sql.execute("""
                do $$ begin
                    if not exists (select from pg_roles where rolname = 'homeward') then
                        create role homeward;
                    end if;
                    if not exists (select from pg_roles where rolname = 'homeward_owner') then
                        create role homeward_owner;
                    end if;
                end $$""");
        sql.execute("alter role homeward login nosuperuser nocreatedb nocreaterole noreplication nobypassrls"
                    + " password '" + password + "'");
        sql.execute("alter role homeward_owner nologin nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
        sql.execute("reassign owned by homeward to homeward_owner");
        sql.execute("""
                do $$ declare object record; begin
                    alter schema public owner to homeward_owner;
                    for object in
                        select format('alter %s %s owner to homeward_owner',
                                      case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                                                     when 'm' then 'materialized view' else 'table' end,
                                      c.oid::regclass) as command
                        from pg_class c
                        where c.relnamespace = 'public'::regnamespace and c.relowner <> 'homeward_owner'::regrole
                          and c.relkind in ('r', 'p', 'v', 'm', 'S')
                          -- a column's sequence goes with its table
                          and not exists (select from pg_depend d
                                          where d.objid = c.oid and c.relkind = 'S' and d.deptype in ('a', 'i'))
                    loop
                        execute object.command;
                    end loop;
                    for object in
                        select format('alter routine %s owner to homeward_owner', p.oid::regprocedure) as command
                        from pg_proc p
                        where p.pronamespace = 'public'::regnamespace and p.proowner <> 'homeward_owner'::regrole
                    loop
                        execute object.command;
                    end loop;
                end $$""");
        // what exists now, and what migrations will make (as the owner) from now on
        sql.execute("revoke create on schema public from public, homeward");
        sql.execute("grant usage on schema public to homeward");
        sql.execute("grant select, insert, update, delete, truncate on all tables in schema public to homeward");
        sql.execute("grant usage, select, update on all sequences in schema public to homeward");
        sql.execute("grant execute on all routines in schema public to homeward");
        sql.execute("alter default privileges for role homeward_owner in schema public"
                    + " grant select, insert, update, delete, truncate on tables to homeward");
        sql.execute("alter default privileges for role homeward_owner in schema public"
                    + " grant usage, select, update on sequences to homeward");
        sql.execute("alter default privileges for role homeward_owner in schema public"
                    + " grant execute on routines to homeward");
    }

    /** No line lets anyone in without a password (a change of the closed lines needs no closing start). */
    private static boolean closed(Path data) throws IOException {
        return Files.readAllLines(data.resolve("pg_hba.conf")).stream()
                    .noneMatch(line -> line.replaceFirst("#.*", "").matches(".*\\btrust\\b.*"));
    }

    private static void writeHba(Path data, String lines) {
        try {
            Files.writeString(data.resolve("pg_hba.conf"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys directory, readable by its owner alone: it holds what opens the database and the data. */
    private static Path privateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.setPosixFilePermissions(directory, OWNER_ONLY);
        return directory;
    }

    /** 64 hex digits: no quoting needed in SQL, and initdb reads the file's first line as the password. */
    private static String readOrCreatePassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, HexFormat.of().formatHex(secret));
        }
        String password = Files.readString(file).strip();
        if (!password.matches("[0-9a-f]{64}")) {
            throw new IllegalStateException("The password file " + file + " does not hold 64 hex digits");
        }
        return password;
    }

    private static boolean runningAsRoot() {
        return System.getProperty("os.name").startsWith("Linux") && new UnixSystem().getUid() == 0;
    }
}
