package org.homeward.app.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the test's own, from the machine's binaries, in a temporary directory on a port of its
 * own, which the test may stop and start as it likes; the shared server on 5432 is never touched. As root,
 * PostgreSQL runs as the {@code postgres} user, which refuses to run as root.
 */
public final class PrivatePostgres {

    private final Path bin;
    private final Path directory;
    private final int port;

    private PrivatePostgres(Path bin, Path directory, int port) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
    }

    /** Creates and starts a cluster; skips the test where no PostgreSQL binaries are installed. */
    public static PrivatePostgres start() {
        Optional<Path> bin = binaries();
        assumeTrue(bin.isPresent(), "no PostgreSQL binaries under /usr/lib/postgresql");
        try {
            Path directory = Files.createTempDirectory("homeward-private-pg");
            PrivatePostgres postgres = new PrivatePostgres(bin.get(), directory, freePort());
            if (runningAsRoot()) {
                postgres.run("chown", "postgres", directory.toString());
            }
            postgres.pg("initdb", "-D", postgres.data(), "-A", "trust", "-U", "postgres", "--no-sync");
            postgres.startAgain();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** @param mode {@code fast} (sessions ended, a clean shutdown) or {@code immediate} (as a crash) */
    public void stop(String mode) {
        pg("pg_ctl", "-D", data(), "-m", mode, "-w", "stop");
    }

    /** Starts the server on the same port and data directory. */
    public void startAgain() {
        pg("pg_ctl", "-D", data(), "-w", "-t", "60", "-l", directory.resolve("server.log").toString(), "-o",
           "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** Stops the server if it runs and deletes its files. */
    public void destroy() {
        try {
            pg("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // nothing left to stop
        }
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temporary directory harms nothing
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void pg(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(Arrays.asList(arguments));
        run(command.toArray(String[]::new));
    }

    private void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                                                         .redirectOutput(directory.resolve("commands.log").toFile())
                                                         .start();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", command) + "\n"
                                                + Files.readString(directory.resolve("commands.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> binaries() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                           .filter(candidate -> Files.isExecutable(candidate.resolve("pg_ctl")))
                           .max(Comparator.naturalOrder());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
