package org.homeward.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The application's HTTP API as one signed-in client sees it: JSON in, status and JSON out. */
public final class Api {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    /** @param token the bearer token sent with every request; null for none */
    public Api(int port, String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    public record Reply(int status, String contentType, String eTag, String body, HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

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

    public Reply get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** Any request as given: these headers replace the defaults; a null body sends none. */
    public Reply exchange(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                             : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::setHeader);
        return send(request);
    }

    private Reply send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                             response.headers().firstValue("ETag").orElse(null), response.body(),
                             response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
