package org.homeward.app.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.homeward.app.support.ProductLogging;

/**
 * One real Homeward process, started the way an operator starts it, so that a kill -9 is a real crash: no
 * shutdown hook, no flush, whatever was in flight is lost. It signs local tokens with a key file of its work
 * directory; every process of a scenario shares that file, so one token works on each.
 */
final class Homeward {

    /** What the application says once it is ready: where its health is, then where its API is. */
    private static final Pattern STARTED = Pattern.compile(
            "(?s)Health and metrics: http://[^:]+:(\\d+)/.*?Sign-in: .*? the API at http://[^:]+:(\\d+)/");

    /** How processes are launched: {@code java -jar homeward.jar}, or the main class on this JVM's class path. */
    static List<String> launcher = List.of("java", ProductLogging.JVM_OPTION, "-cp", classPath(),
                                           "org.homeward.app.HomewardApplication");

    final String name;
    final Path log;
    private final Process process;
    private int port;
    private int managementPort;

    private Homeward(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /**
     * With {@code --jar FILE} among the arguments, processes are started from a private copy of that jar in the work
     * directory: a rebuild in the meantime cannot pull the jar away from a process starting later.
     */
    static void useJarOf(List<String> arguments, Path work) throws IOException {
        int jar = arguments.indexOf("--jar");
        if (jar >= 0) {
            Path copy = work.resolve("homeward.jar");
            Files.copy(Path.of(arguments.get(jar + 1)), copy);
            launcher = List.of("java", "-jar", copy.toAbsolutePath().toString());
        }
    }

    /** Beside the master key, in the owner-only keys directory Homeward creates and insists on. */
    private static Path signingKey(Path work) {
        return work.resolve("homeward-keys").resolve("signing.key");
    }

    /** Starts a process and waits until it serves HTTP, or throws with the end of its log. */
    static Homeward start(Path work, String name, List<String> arguments) throws Exception {
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>(launcher);
        // small heap, C1 only, serial GC: four of these share two cores with a database and the load
        command.addAll(1, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                                  "-XX:ActiveProcessorCount=2"));
        command.addAll(List.of("--server.port=0", "--management.server.port=0",
                               "--homeward.access.local-key-file=" + signingKey(work)));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                                                     .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                                                     .start();
        Homeward homeward = new Homeward(name, log, process);
        homeward.awaitStarted(Files.exists(log) ? Files.size(log) : 0);
        return homeward;
    }

    private void awaitStarted(long from) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher started = STARTED.matcher(logSince(from));
            if (started.find()) {
                managementPort = Integer.parseInt(started.group(1));
                port = Integer.parseInt(started.group(2));
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited " + process.exitValue() + " while starting: "
                                                + tail(from));
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not start within 180 s: " + tail(from));
    }

    int port() {
        return port;
    }

    /** Health and metrics. */
    int managementPort() {
        return managementPort;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and a bounded wait, then SIGKILL. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill9();
        }
    }

    /** The exit code within the bound, or null if still running by then. */
    Integer awaitExit(Duration bound) throws InterruptedException {
        return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    String tail(long from) {
        String text = logSince(from);
        return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
    }

    private String logSince(long from) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            return new String(bytes, (int) Math.min(from, bytes.length), (int) Math.max(0, bytes.length - from));
        } catch (IOException e) {
            return "";
        }
    }

    /** The line of a failed start's log that says why: Spring Boot's description, or the first exception. */
    static String reason(String log) {
        String[] lines = log.split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].startsWith("Description:")) {
                for (int j = i + 1; j < lines.length; j++) {
                    if (!lines[j].isBlank()) {
                        return lines[j].trim();
                    }
                }
            }
        }
        for (String line : lines) {
            if (line.contains("FATAL")) {                   // PostgreSQL's own reason, e.g. a stale lock file
                return line.substring(line.indexOf("FATAL")).trim();
            }
        }
        for (String line : lines) {
            if (line.contains("Exception") || line.contains("already exists")) {
                return line.length() > 400 ? line.substring(0, 400) : line;
            }
        }
        return log.length() > 400 ? log.substring(log.length() - 400) : log;
    }

    /** A local-mode token signed with the work directory's key (created on first use). */
    static String token(Path work, String user, String role, String organisation) throws Exception {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("token", "--user", user, "--role", role, "--organisation", organisation,
                               "--key-file", signingKey(work).toString()));
        String[] lines = Cluster.run(command).trim().split("\n");
        return lines[lines.length - 1].trim();
    }

    /** Surefire runs tests from a manifest-only jar; it names the real class path in this property. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
