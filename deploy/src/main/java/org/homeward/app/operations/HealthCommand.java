package org.homeward.app.operations;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@code java -jar homeward.jar health [--url=http://127.0.0.1:8081/actuator/health/readiness]}: asks a running
 * Homeward whether it is ready, for a container's health check where no curl is installed; exit status 0 when it
 * answers 200 within three seconds, 1 otherwise. Without {@code --url} it asks the management port this machine's
 * configuration names ({@code MANAGEMENT_SERVER_PORT}, else 8081) on loopback. Starts no Spring context.
 */
public final class HealthCommand {

    private static final String URL = "--url=";

    private HealthCommand() {
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && args[0].equals("health");
    }

    public static int run(String[] args) {
        return run(args, System.getenv(), System.out);
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out) {
        String url = "http://127.0.0.1:" + environment.getOrDefault("MANAGEMENT_SERVER_PORT", "8081")
                     + "/actuator/health/readiness";
        for (String arg : args) {
            if (arg.startsWith(URL)) {
                url = arg.substring(URL.length());
            }
        }
        try {
            HttpResponse<Void> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build().send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            out.println("health: " + url + " answered " + answer.statusCode());
            return answer.statusCode() == 200 ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            out.println("health: " + url + " did not answer (" + e.getClass().getSimpleName() + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
