package org.homeward.app.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The web app over plain HTTP, as a browser without a page renderer: for the rules every page is held to (who is
 * sent to sign in, CSRF, headers). The session cookie is carried by hand: it is marked Secure, which Java's cookie
 * store keeps to HTTPS.
 */
final class PageClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String session;

    PageClient(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A form POST; {@code csrf} null sends none. */
    HttpResponse<String> post(String path, String form, String csrf) {
        String body = csrf == null ? form : form + (form.isEmpty() ? "" : "&") + "_csrf=" + csrf;
        return send(HttpRequest.newBuilder(URI.create(base + path))
                               .header("Content-Type", "application/x-www-form-urlencoded")
                               .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The CSRF token of the form on this page. */
    String csrf(String path) {
        return get(path).body().replaceAll("(?s).*?name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    }

    /** Where another server (an identity provider) sends a browser that asks for this address. */
    static String location(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                                                   HttpResponse.BodyHandlers.discarding())
                             .headers().firstValue("Location").orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in; answers where the application sent the browser. */
    String signIn(String user, String password) {
        return signIn(user, password, "");
    }

    /** Signs in with a one-time code; answers where the application sent the browser. */
    String signIn(String user, String password, String code) {
        String csrf = csrf("/sign-in");
        HttpResponse<String> answer = post("/sign-in", "user=" + user + "&password=" + password.replace(" ", "+")
                                                       + "&code=" + code, csrf);
        return answer.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (session != null) {
            request.header("Cookie", session);
        }
        HttpRequest built = request.timeout(Duration.ofSeconds(20)).build();
        try {
            HttpResponse<String> answer = http.send(built, HttpResponse.BodyHandlers.ofString());
            answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("HOMEWARD_SESSION="))
                  .findFirst().ifPresent(cookie -> session = cookie.split(";")[0]);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
