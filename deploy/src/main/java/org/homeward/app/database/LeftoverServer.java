package org.homeward.app.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL that an earlier Homeward started on this data directory and left running when it was killed: it
 * holds postmaster.pid, so a new server would refuse to start.
 */
final class LeftoverServer {

    private static final long STOP_WAIT_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

    private LeftoverServer() {
    }

    /** Stops the server in postmaster.pid if it is a live postgres serving {@code dataDirectory} and no other. */
    static void stopIfAny(Path dataDirectory) throws IOException {
        if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            return;
        }
        refuseIfInUse(dataDirectory);
        ProcessHandle server = ProcessHandle.of(postmasterPid(dataDirectory))
                                            .filter(process -> serves(process, dataDirectory))
                                            .orElse(null);
        if (server == null) {
            return; // a stale file: PostgreSQL starts over it by itself
        }
        log.warn("A PostgreSQL (pid {}) left running on {} by an earlier Homeward is stopped before starting anew",
                 server.pid(), dataDirectory);
        // SIGTERM, PostgreSQL's smart shutdown: its clients died with the earlier Homeward, so it stops at once
        server.destroy();
        try {
            server.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL (pid " + server.pid() + ") left running on "
                                            + dataDirectory + " did not stop within " + STOP_WAIT_SECONDS + " s", e);
        }
    }

    /**
     * The live PostgreSQL serving {@code dataDirectory} (one a running Homeward started, or one left running by a
     * killed one), or none.
     */
    static Optional<ProcessHandle> liveServer(Path dataDirectory) throws IOException {
        if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            return Optional.empty();
        }
        return ProcessHandle.of(postmasterPid(dataDirectory)).filter(process -> serves(process, dataDirectory));
    }

    /**
     * Whether a live Homeward (or a command such as verify or backup) holds {@code dataDirectory}: zonky holds a lock
     * on epg-lock while its JVM runs; the lock dies with the JVM, the server does not.
     */
    static boolean held(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** The port line of postmaster.pid. */
    static int postmasterPort(Path dataDirectory) throws IOException {
        return Integer.parseInt(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(3).strip());
    }

    /** The first line of postmaster.pid. */
    static long postmasterPid(Path dataDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    }

    /** A held data directory's server is no leftover: it belongs to a live Homeward. */
    private static void refuseIfInUse(Path dataDirectory) throws IOException {
        if (held(dataDirectory)) {
            throw new IllegalStateException("Another Homeward is running on the data directory " + dataDirectory);
        }
    }

    /** PostgreSQL works in its data directory, so a postgres whose working directory is ours serves ours. */
    private static boolean serves(ProcessHandle process, Path dataDirectory) {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        try {
            return Files.readString(proc.resolve("comm")).strip().equals("postgres")
                   && Files.isSameFile(proc.resolve("cwd"), dataDirectory);
        } catch (IOException e) {
            return false;
        }
    }
}
