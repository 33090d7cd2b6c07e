package org.homeward.app.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.homeward.access.Role;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert rules and the dashboard in {@code deploy/monitoring} parse, and every metric they name is one a running
 * Homeward exports on its management port: a renamed meter breaks this test rather than an alert that never fires.
 */
class MonitoringFilesTest extends HttpTest {

    private static final Path MONITORING = Path.of("monitoring");
    /** A metric name in PromQL: lower case with an underscore, not followed by "(" (that is a function). */
    private static final Pattern METRIC = Pattern.compile("\\b([a-z][a-zA-Z0-9]*_[a-zA-Z0-9_]+)\\b(?!\\s*\\()");
    /** Exported only where the embedded database runs ({@code EmbeddedDefaultTest} checks it there). */
    private static final Set<String> EMBEDDED_ONLY = Set.of("homeward_embedded_database_disk_used");

    @Test
    void everyAlertRuleIsCompleteAndNamesExportedMetrics() throws IOException {
        Map<String, Object> file;
        try (InputStream in = Files.newInputStream(MONITORING.resolve("alerts.yml"))) {
            file = new Yaml().load(in);
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : (List<?>) file.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> one = (Map<String, Object>) rule;
                rules.add(one);
            }
        }
        assertThat(rules).extracting(rule -> rule.get("alert"))
                         .contains("HomewardProjectionStopped", "HomewardProjectionLagging",
                                   "HomewardChainVerificationFailed", "HomewardDatabaseDown",
                                   "HomewardEmbeddedDiskFilling");
        assertThat(rules).allSatisfy(rule -> assertThat(rule).containsKeys("alert", "expr", "labels", "annotations"));

        assertExported(rules.stream().map(rule -> rule.get("expr").toString()).toList());
    }

    @Test
    void everyDashboardPanelNamesExportedMetrics() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(
                MONITORING.resolve("grafana-dashboard.json")));
        List<String> queries = dashboard.path("panels").valueStream()
                                        .flatMap(panel -> panel.path("targets").valueStream())
                                        .map(target -> target.path("expr").asString()).toList();
        assertThat(dashboard.path("panels").valueStream().map(panel -> panel.path("title").asString()))
                .contains("Writes per second", "HTTP p99", "Projection lag", "Hash chain trailing the store",
                          "Database pool", "JVM heap");

        assertExported(queries);
    }

    private void assertExported(List<String> queries) {
        Set<String> exported = scrape();
        Set<String> named = queries.stream().flatMap(query -> metrics(query).stream())
                                   .filter(name -> !EMBEDDED_ONLY.contains(name)).collect(Collectors.toSet());
        assertThat(named).isNotEmpty();
        assertThat(exported).containsAll(named);
    }

    /** What the management port exports once a journey was written, read and the chain verified. */
    private Set<String> scrape() {
        String journey = openJourney(intake());
        api.post("/api/v1/journeys/" + journey + "/milestones", milestone("SHELTER_ENTERED", INTAKE.plusDays(1), null));
        api.get("/api/v1/journeys/" + journey + "/timeline");
        assertThat(as(Role.AUDITOR, "au-test", "org-test").postRaw("/api/v1/audit/verify", "").status())
                .isEqualTo(200);
        // collection pauses are exported once there was one: long since in a running process, maybe not yet here
        System.gc();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> management().get("/actuator/prometheus").body().contains("jvm_gc_pause_seconds_count"));
        return management().get("/actuator/prometheus").body().lines()
                           .filter(line -> !line.startsWith("#") && !line.isBlank())
                           .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }

    private static List<String> metrics(String query) {
        // label matchers hold no metric names, and their values may look like one
        Matcher names = METRIC.matcher(query.replaceAll("\\{[^}]*}", "").replaceAll("by \\([^)]*\\)", ""));
        List<String> found = new ArrayList<>();
        while (names.find()) {
            found.add(names.group(1));
        }
        return found;
    }
}
