package org.homeward.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.app.HomewardApplication;
import org.homeward.app.access.LocalSigningKey;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole application in this JVM, on its own database and a free port, as one organisation's staff use it. */
final class RunningHomeward implements AutoCloseable {

    static final String ORGANISATION = "org-bench";

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final ConfigurableApplicationContext context;
    private final String base;
    private final String supervisor;
    private final String evaluator;
    private final String administrator;

    /** @param properties settings over the shipped configuration, such as Axon's defaults for the processors */
    RunningHomeward(String databaseUrl, Path keys, Map<String, Object> properties) {
        this(with(properties, Map.of("spring.datasource.url", databaseUrl,
                                     "spring.datasource.username", Databases.USER,
                                     "spring.datasource.password", Databases.PASSWORD)), keys);
    }

    /** On the embedded default, as a user who configures no database gets it, with its data in {@code directory}. */
    static RunningHomeward embedded(Path directory, Path keys) {
        return new RunningHomeward(Map.of("homeward.embedded-database.directory", directory.resolve("data"),
                                          "homeward.embedded-database.keys-directory", directory.resolve("keys")),
                                   keys);
    }

    private static Map<String, Object> with(Map<String, Object> properties, Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putAll(more);
        return all;
    }

    private RunningHomeward(Map<String, Object> properties, Path keys) {
        Map<String, Object> settings = new HashMap<>(properties);
        settings.put("server.port", 0);
        settings.put("management.server.port", 0);
        settings.put("homeward.access.local-key-file", keys.resolve("signing.key").toString());
        settings.put("homeward.privacy.master-key-file", keys.resolve("master.key").toString());
        settings.put("logging.level.root", "WARN");
        // the bench's clients all come from one address; in use they are many people on many addresses
        settings.put("homeward.http.max-requests-per-client", 1000);
        settings.put("spring.main.banner-mode", "off");
        // as command-line arguments, which override application.yml (default properties would not)
        String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                                     .toArray(String[]::new);
        context = new SpringApplicationBuilder(HomewardApplication.class).run(arguments);
        base = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
        LocalSigningKey key = LocalSigningKey.loadOrCreate(keys.resolve("signing.key"));
        supervisor = key.issue(new Caller("sv-bench", Role.SUPERVISOR, ORGANISATION), Duration.ofHours(4));
        evaluator = key.issue(new Caller("ev-bench", Role.EVALUATOR, ORGANISATION), Duration.ofHours(4));
        administrator = key.issue(new Caller("admin-bench", Role.ADMINISTRATOR, ORGANISATION), Duration.ofHours(4));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    /** A supervisor's POST; answers the body, or fails on anything but 2xx. */
    String post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                               .header("Content-Type", "application/json")
                               .header("Authorization", "Bearer " + supervisor)
                               .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    String get(String path) {
        return get(supervisor, path);
    }

    /** An evaluator's GET, for the outcomes. */
    String evaluate(String path) {
        return get(evaluator, path);
    }

    private String get(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                               .GET().build());
    }

    String administer(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                               .header("Authorization", "Bearer " + administrator)
                               .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                                                + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
