package org.homeward.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator installs (deploy/docker, deploy/compose, deploy/kubernetes) cannot be run here: no image registry
 * or cluster is reachable. What can be checked is: the files parse, every variable they give Homeward is a real
 * setting, the probes and checks point at the endpoints the application serves (OperationsTest checks those), and
 * the image starts the jar the way the README says.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of(".");
    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";
    /** The management port application.yml ships. */
    private static final int MANAGEMENT_PORT = 8081;

    @Test
    void composeGivesHomewardOnlyRealSettingsAndChecksItsHealth() throws IOException {
        Map<String, Object> compose = yaml(DEPLOY.resolve("compose/compose.yaml"));
        Map<String, Object> services = map(compose.get("services"));
        List<String> processes = services.keySet().stream()
                                         .filter(name -> "homeward:latest".equals(map(services.get(name)).get("image")))
                                         .toList();
        assertThat(processes).containsExactlyInAnyOrder("command-1", "command-2", "query-1", "query-2");
        for (String process : processes) {
            Map<String, Object> service = map(services.get(process));
            assertThat(service.get("read_only")).as(process).isEqualTo(true);
            assertRealSettings(process, map(service.get("environment")).keySet());
        }
        assertThat(processes.stream().map(p -> map(map(services.get(p)).get("environment")).get("HOMEWARD_ROLE")))
                .containsExactlyInAnyOrder("command", "command", "query", "query");

        String haproxy = Files.readString(DEPLOY.resolve("compose/haproxy.cfg"));
        assertThat(haproxy).contains("http-check send meth GET uri " + READINESS);
        assertThat(haproxy.lines().filter(line -> line.strip().startsWith("server ")))
                .hasSize(4).allSatisfy(line -> assertThat(line).contains(":8080 check port " + MANAGEMENT_PORT));
        Map<String, Object> prometheus = yaml(DEPLOY.resolve("compose/prometheus.yml"));
        Map<String, Object> scrape = map(((List<?>) prometheus.get("scrape_configs")).get(0));
        assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(scrape.toString()).contains("command-1:" + MANAGEMENT_PORT, "query-2:" + MANAGEMENT_PORT);
        yaml(DEPLOY.resolve("compose/grafana/datasource.yml"));
        yaml(DEPLOY.resolve("compose/grafana/dashboards.yml"));
    }

    @Test
    void kubernetesGivesHomewardOnlyRealSettingsAndProbesItsManagementPort() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(DEPLOY.resolve("kubernetes/homeward.yaml"))) {
            new Yaml().loadAll(in).forEach(document -> documents.add(map(document)));
        }
        assertThat(documents).extracting(document -> document.get("kind"))
                             .contains("ConfigMap", "Deployment", "Service", "PodDisruptionBudget",
                                       "HorizontalPodAutoscaler", "HTTPRoute");
        Map<String, Object> config = documents.stream().filter(d -> d.get("kind").equals("ConfigMap")).findFirst()
                                              .orElseThrow();
        assertRealSettings("ConfigMap", map(config.get("data")).keySet());

        List<Map<String, Object>> deployments = documents.stream().filter(d -> d.get("kind").equals("Deployment"))
                                                         .toList();
        assertThat(deployments).hasSize(2);
        for (Map<String, Object> deployment : deployments) {
            Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
            Map<String, Object> container = map(((List<?>) pod.get("containers")).get(0));
            String name = map(deployment.get("metadata")).get("name").toString();
            Set<String> variables = new HashSet<>();
            ((List<?>) container.get("env")).forEach(variable -> variables.add(map(variable).get("name").toString()));
            assertRealSettings(name, variables);
            assertThat(map(container.get("securityContext"))).containsEntry("runAsNonRoot", true)
                                                             .containsEntry("readOnlyRootFilesystem", true);
            int management = ((List<?>) container.get("ports")).stream().map(DeploymentFilesTest::map)
                    .filter(port -> port.get("name").equals("management"))
                    .map(port -> (Integer) port.get("containerPort")).findFirst().orElseThrow();
            assertThat(management).isEqualTo(MANAGEMENT_PORT);
            assertThat(probe(container, "livenessProbe")).isEqualTo(List.of(LIVENESS, "management"));
            assertThat(probe(container, "startupProbe")).isEqualTo(List.of(LIVENESS, "management"));
            assertThat(probe(container, "readinessProbe")).isEqualTo(List.of(READINESS, "management"));
        }
    }

    @Test
    void theImageRunsTheDocumentedCommandAsAnUnprivilegedUserAndChecksReadiness() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("docker/Dockerfile"));
        assertThat(dockerfile).contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/homeward.jar\"]")
                              .containsPattern("(?m)^USER 10001")
                              .containsPattern("(?m)^HEALTHCHECK .*\\R?.*\"/app/homeward.jar\", \"health\"]");
        assertThat(Files.readString(DEPLOY.resolve("../README.md"))).contains("java -jar deploy/target/homeward.jar");
        assertThat(HealthCommand.requested(new String[] {"health"})).isTrue();
        Matcher env = Pattern.compile("(?m)^(?:ENV)?\\s+([A-Z][A-Z0-9_]+)=").matcher(dockerfile);
        Set<String> variables = new HashSet<>();
        while (env.find()) {
            variables.add(env.group(1));
        }
        assertThat(variables).contains("SERVER_ADDRESS", "MANAGEMENT_SERVER_ADDRESS");
        variables.remove("JAVA_TOOL_OPTIONS");   // the JVM's own
        assertRealSettings("Dockerfile", variables);
    }

    /** Path and port of a container's HTTP probe. */
    private static List<Object> probe(Map<String, Object> container, String probe) {
        Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
        return List.of(get.get("path"), get.get("port"));
    }

    /**
     * Each variable, read by Spring Boot's relaxed binding (HOMEWARD_HTTP_BODY_READ_TIMEOUT is
     * homeward.http.body-read-timeout), must name a key of application.yml or one Spring Boot documents in its
     * configuration metadata; a misspelt one would be silently ignored.
     */
    private static void assertRealSettings(String where, Set<String> variables) throws IOException {
        Set<String> known = knownSettings();
        for (String variable : variables) {
            assertThat(known).as("%s sets %s, which no setting reads", where, variable)
                             .contains(variable.toLowerCase(Locale.ROOT).replace("_", ""));
        }
    }

    private static Set<String> knownSettings() throws IOException {
        Set<String> keys = new HashSet<>();
        flatten("", yaml(Path.of("src/main/resources/application.yml")), keys);
        ClassLoader classes = DeploymentFilesTest.class.getClassLoader();
        for (URL metadata : Collections.list(classes.getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                JsonNode properties = JsonMapper.builder().build().readTree(in).path("properties");
                properties.valueStream().forEach(property -> keys.add(property.path("name").asString()));
            }
        }
        return keys.stream().map(key -> key.toLowerCase(Locale.ROOT).replace("-", "").replace(".", ""))
                   .collect(Collectors.toSet());
    }

    private static void flatten(String prefix, Map<String, Object> values, Set<String> keys) {
        values.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, map(nested), keys);
            } else {
                keys.add(name);
            }
        });
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return map(new Yaml().load(in));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
