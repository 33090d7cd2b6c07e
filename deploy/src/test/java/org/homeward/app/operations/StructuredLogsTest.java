package org.homeward.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.homeward.app.HomewardApplication;
import org.homeward.app.support.TestUsers;
import org.homeward.query.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The option of structured JSON logs ({@code logging.structured.format.console=ecs}, Spring Boot's own): every
 * line the application writes is one JSON object with a time, a level and a message, as a log shipper needs it.
 * In its own JVM, since logging is configured once per JVM.
 */
class StructuredLogsTest {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    @TempDir
    Path home;

    @Test
    void everyLineIsAJsonObjectWithTimeLevelAndMessage() throws Exception {
        Path log = home.resolve("homeward.log");
        Process application = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-XX:TieredStopAtLevel=1", "-cp", productClassPath(),
                HomewardApplication.class.getName(), "--server.port=0", "--management.server.port=0",
                "--logging.structured.format.console=ecs",
                "--spring.datasource.url=" + TestDatabases.create(), "--spring.datasource.username=postgres",
                "--homeward.access.local-key-file=" + TestUsers.KEY_FILE,
                "--homeward.privacy.master-key-file=" + home.resolve("keys/master.key"))
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + READY_WITHIN.toNanos();
            while (!Files.readString(log).contains("Sign-in: ")) {
                assertThat(application.isAlive()).as("start, see %s", log).isTrue();
                assertThat(System.nanoTime()).as("ready within %s", READY_WITHIN).isLessThan(deadline);
                Thread.sleep(200);
            }
        } finally {
            application.destroy();
            application.waitFor();
        }

        List<String> lines = Files.readAllLines(log).stream().filter(line -> line.startsWith("{")).toList();
        assertThat(lines).as("lines written by the application").hasSizeGreaterThan(3);
        JsonMapper json = JsonMapper.builder().build();
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            boolean level = entry.has("log.level") || entry.path("log").has("level");   // flat or nested ECS
            assertThat(entry.has("@timestamp") && level && entry.has("message")).as(line).isTrue();
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Sign-in: "));
        // nothing but JSON from the application itself: the JVM's own notices aside
        assertThat(Files.readAllLines(log)).filteredOn(line -> !line.startsWith("{") && !line.isBlank())
                                           .allSatisfy(line -> assertThat(line).startsWith("Picked up"));
    }

    /**
     * This test's class path without the tests' own classes and resources: their logback-test.xml would configure
     * logging instead of Spring Boot's defaults, which is where the structured format applies, as in the jar.
     */
    private static String productClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                     .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("-tests.jar"))
                     .collect(Collectors.joining(File.pathSeparator));
    }
}
