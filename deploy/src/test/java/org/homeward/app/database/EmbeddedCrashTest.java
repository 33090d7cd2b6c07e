package org.homeward.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.homeward.app.HomewardApplication;
import org.homeward.app.support.ProductLogging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application in its own JVM on its embedded default, killed with -9 as a crash would: the first start after
 * it works, and the application does not stay half alive when its PostgreSQL dies under it.
 */
class EmbeddedCrashTest {

    private static final Duration READY_WITHIN = Duration.ofSeconds(180);
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(30);
    private static final Pattern MANAGEMENT_PORT = Pattern.compile("Health and metrics: http://[^:]+:(\\d+)/");

    /** The application's working directory: its defaults put homeward-data and homeward-keys here. */
    @TempDir
    Path home;

    private final List<Process> applications = new ArrayList<>();

    @Test
    void firstStartAfterTheApplicationWasKilledAnswersReady() throws Exception {
        Process crashed = startApplication("first");
        crashed.destroyForcibly().waitFor();
        long leftover = LeftoverServer.postmasterPid(data());
        assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive))
                .as("PostgreSQL outlives the killed application").contains(true);

        startApplication("second");
        assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive)).as("the leftover was stopped")
                                                                         .isNotEqualTo(Optional.of(true));
    }

    @Test
    void applicationExitsWhenItsDatabaseDies() throws Exception {
        Process application = startApplication("only");
        ProcessHandle.of(LeftoverServer.postmasterPid(data())).orElseThrow().destroyForcibly();

        assertThat(application.waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS))
                .as("exited within %s", EXIT_WITHIN).isTrue();
        assertThat(application.exitValue()).isEqualTo(EmbeddedServer.DATABASE_LOST);
    }

    @AfterEach
    void stopWhatIsLeft() throws IOException, InterruptedException {
        for (Process application : applications) {
            application.destroyForcibly().waitFor();
        }
        LeftoverServer.stopIfAny(data());
    }

    private Path data() {
        return home.resolve("homeward-data");
    }

    /** Starts the application as its own JVM and answers it once its readiness probe says UP. */
    private Process startApplication(String name) throws IOException, InterruptedException {
        Path log = home.resolve(name + ".log");
        Process application = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                ProductLogging.JVM_OPTION, "-cp", System.getProperty("java.class.path"),
                HomewardApplication.class.getName(), "--server.port=0", "--management.server.port=0")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        applications.add(application);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(application.isAlive()).as("%s start, see %s:%n%s", name, log, tail(log)).isTrue();
            Matcher port = MANAGEMENT_PORT.matcher(Files.readString(log));
            if (port.find() && ready(http, Integer.parseInt(port.group(1)))) {
                return application;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " start was not ready within " + READY_WITHIN + ":\n" + tail(log));
    }

    private static boolean ready(HttpClient http, int port) throws InterruptedException {
        try {
            HttpResponse<String> readiness = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                               .build(), HttpResponse.BodyHandlers.ofString());
            return readiness.statusCode() == 200 && readiness.body().contains("UP");
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
