package org.homeward.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The application's HTTP API as a client sees it: JSON in, status and JSON out. */
public final class Api {

    private static final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Reply(int status, String contentType, String eTag, String body) {

        public JsonNode json() {
            return Api.json.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }
    }

    public Reply post(String path, Object body) {
        return post(path, body, Map.of());
    }

    /** Posts with extra headers, such as {@code Idempotency-Key} or {@code If-Match}. */
    public Reply post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                                                 .header("Content-Type", "application/json")
                                                 .POST(HttpRequest.BodyPublishers.ofString(
                                                         json.writeValueAsString(body)));
        headers.forEach(request::header);
        return send(request);
    }

    public Reply postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                               .header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                             response.headers().firstValue("ETag").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
