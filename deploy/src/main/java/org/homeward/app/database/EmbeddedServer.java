package org.homeward.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded PostgreSQL while it runs: where to reach it, and what the application cannot do without. */
public final class EmbeddedServer implements AutoCloseable {

    /** Exit status when the embedded PostgreSQL died under the application. */
    public static final int DATABASE_LOST = 3;
    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

    private final EmbeddedPostgres postgres;
    private final String superuserPassword;
    private final String applicationPassword;
    private final ProcessHandle postmaster;
    private volatile boolean closing;

    EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory, String superuserPassword,
                   String applicationPassword) throws IOException {
        this.postgres = postgres;
        this.superuserPassword = superuserPassword;
        this.applicationPassword = applicationPassword;
        this.postmaster = postmaster(dataDirectory);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + EmbeddedDatabase.DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public String applicationPassword() {
        return applicationPassword;
    }

    /** For migrations alone, which take on the owner role: the application never connects as the superuser. */
    public String superuserPassword() {
        return superuserPassword;
    }

    /**
     * Halts the JVM when PostgreSQL dies under the application: half alive, it would answer readiness probes
     * with errors forever; gone, its supervisor starts it again, and the next start stops whatever was left.
     * Halt rather than exit: the shutdown hooks would wait on work that needs the database.
     */
    void haltWhenItDies() {
        Thread watchdog = new Thread(() -> {
            while (!closing) {
                if (!postmaster.isAlive() && !closing) {
                    log.error("The embedded PostgreSQL (pid {}) stopped while Homeward was running; Homeward halts"
                              + " with status {} so that its supervisor starts both again", postmaster.pid(),
                              DATABASE_LOST);
                    Runtime.getRuntime().halt(DATABASE_LOST);
                }
                try {
                    Thread.sleep(CHECK_EVERY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "embedded-database-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    @Override
    public void close() throws IOException {
        closing = true;
        postgres.close();
    }

    /** The server itself: zonky's process is pg_ctl, which ends once the server is up. */
    private static ProcessHandle postmaster(Path dataDirectory) throws IOException {
        long pid = LeftoverServer.postmasterPid(dataDirectory);
        return ProcessHandle.of(pid).orElseThrow(() -> new IOException("The embedded PostgreSQL is not running"));
    }
}
