package org.homeward.app.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A private PostgreSQL cluster for the fault suite: its own data directory and port, never the machine's shared
 * server, so that stopping or killing it hurts nobody else. PostgreSQL refuses to run as root, so every server
 * command runs as the unprivileged user {@code postgres}. Durability is the production one: fsync and
 * synchronous_commit on, or "nothing acknowledged is lost" would prove nothing after a kill.
 */
final class Cluster implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final Path log;
    private final Path sockets;
    final int port;

    /** A new cluster of its own in {@code work/name}, started. */
    static Cluster create(Path work, String name) throws Exception {
        Cluster cluster = new Cluster(work.resolve(name));
        cluster.asPostgres(List.of(cluster.bin.resolve("initdb").toString(), "-D", cluster.data.toString(),
                                   "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"));
        cluster.start();
        return cluster;
    }

    private Cluster(Path home) throws Exception {
        bin = binaries();
        data = home.resolve("data");
        sockets = home.resolve("sockets");
        log = home.resolve("server.log");
        Files.createDirectories(sockets);
        // postgres must reach its directory through the work tree, which root created private
        for (Path p : List.of(home.getParent(), home)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        run(List.of("chown", "-R", "postgres:postgres", home.toString()));
        port = freePort();
    }

    /**
     * A streaming replica of this cluster in {@code work/name}, started: a base backup of this one, following its
     * WAL as standby {@code name} (the name {@code synchronous_standby_names} can ask for).
     */
    Cluster replica(Path work, String name) throws Exception {
        Cluster replica = new Cluster(work.resolve(name));
        String primary = "host=127.0.0.1 port=" + port + " user=postgres application_name=" + name;
        asPostgres(List.of(bin.resolve("pg_basebackup").toString(), "-d", primary, "-D", replica.data.toString(),
                           "-X", "stream", "-R", "--checkpoint=fast", "--no-sync"));
        // -R writes its own primary_conninfo; the last line of the file wins, with the standby's name in it.
        // hot_standby_feedback: the primary's vacuum spares the rows a query on the replica still reads, so that
        // replaying it never cancels that query
        Files.writeString(replica.data.resolve("postgresql.auto.conf"),
                          "primary_conninfo = '" + primary + "'\nhot_standby_feedback = on\n",
                          java.nio.file.StandardOpenOption.APPEND);
        replica.start();
        return replica;
    }

    /** The newest server binaries installed by the operating system. */
    private static Path binaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                           .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                           .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                           .orElseThrow(() -> new IllegalStateException("no PostgreSQL in /usr/lib/postgresql"));
        }
    }

    /** Starts the server on its port; retried for a while, since backends of a killed postmaster linger. */
    void start() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(),
                                   "-w", "-t", "60", "-o",
                                   "-p " + port + " -k " + sockets + " -c listen_addresses=127.0.0.1"
                                   + " -c fsync=on -c synchronous_commit=on -c max_connections=300"
                                   + " -c shared_buffers=64MB",
                                   "start"));
                return;
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    /** pg_ctl stop with the given mode: fast (rolls back, checkpoints) or immediate (no checkpoint: a crash). */
    void stop(String mode) throws Exception {
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode, "-w", "-t", "60",
                           "stop"));
    }

    /** kill -9 of the postmaster, as the OOM killer would; its backends notice and exit by themselves. */
    void killPostmaster() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    DataSource dataSource(String database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(jdbcUrl(database));
        source.setUser("postgres");
        source.setConnectTimeout(5);
        source.setSocketTimeout(60);
        return source;
    }

    /** A fresh database for one scenario, so that scenarios never see each other's events. */
    String createDatabase(String name) throws SQLException {
        try (Connection c = dataSource("postgres").getConnection()) {
            c.createStatement().execute("drop database if exists " + name + " with (force)");
            c.createStatement().execute("create database " + name);
        }
        return name;
    }

    @Override
    public void close() {
        try {
            stop("immediate");
        } catch (Exception e) {
            // already down
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void asPostgres(List<String> command) throws Exception {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(command);
        run(full);
    }

    /** Runs a command to its end, bounded; its output goes into the exception when it fails. */
    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(Duration.ofSeconds(90).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        String text = new String(output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " exited " + process.exitValue() + ": " + text);
        }
        return text;
    }
}
