package org.homeward.app.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP to one Homeward process, bounded in time: a request that gets no answer within the timeout counts as
 * unanswered (status 0), so that no writer can hang on a dead process or database. So does a load balancer's 502
 * or 504: the process behind it gave no answer, and what it did with the request is unknown.
 */
final class Client {

    record Answer(int status, String body, String requestId) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** A string field of a JSON body, without a JSON library: the answers are flat. */
        String field(String name) {
            int at = body.indexOf("\"" + name + "\":");
            if (at < 0) {
                return null;
            }
            int start = at + name.length() + 3;
            if (body.charAt(start) == '"') {
                return body.substring(start + 1, body.indexOf('"', start + 1));
            }
            int end = start;
            while (end < body.length() && (Character.isDigit(body.charAt(end)) || body.charAt(end) == '-')) {
                end++;
            }
            return body.substring(start, end);
        }
    }

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String token;
    private final Duration timeout;

    Client(String token, Duration timeout) {
        this.token = token;
        this.timeout = timeout;
    }

    String token() {
        return token;
    }

    Answer post(int port, String path, String json, Map<String, String> headers) {
        return send(port, path, HttpRequest.BodyPublishers.ofString(json), headers);
    }

    Answer get(int port, String path) {
        return send(port, path, null, Map.of());
    }

    private Answer send(int port, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        String requestId = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                                 .timeout(timeout).header("X-Request-Id", requestId);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(body);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if ((status == 502 || status == 504) && !response.body().startsWith("{")) {
                // a load balancer's own answer: the process behind it died or hung before answering
                return new Answer(0, "gateway " + status, requestId);
            }
            return new Answer(status, response.body(), requestId);
        } catch (IOException e) {
            return new Answer(0, String.valueOf(e), requestId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted", requestId);
        }
    }
}
