import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records synthetic journeys through the API for a while and prints the events recorded per second:
 * {@code java WriteLoad.java BASE_URL TOKEN SECONDS WORKERS}. Each worker opens a journey and records four
 * milestones on it, one request after another, as a supervisor of org-bench. No value is drawn from a real person.
 */
public class WriteLoad {

    private static final String INTAKE = """
            {"organisationId":"org-bench","caseManagerId":"cm-bench","intakeDate":"2026-01-12",
             "profile":{"ageBand":"FROM_18_TO_24","gender":"FEMALE","nationality":"MD","formOfExploitation":"SEXUAL"},
             "consentGiven":["CASE_MANAGEMENT","PROGRAM_EVALUATION"]}""";
    private static final String[] MILESTONES = {"SHELTER_ENTERED", "MEDICAL_CHECKUP_DONE", "COUNSELLING_STARTED",
                                                "SUPPORT_GROUP_JOINED"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        long seconds = Long.parseLong(args[2]);
        int workers = Integer.parseInt(args[3]);
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(workers)).build();
        AtomicLong events = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpResponse<String> opened = post(client, base + "/api/v1/journeys", token, INTAKE);
                    if (opened.statusCode() != 201) {
                        failures.incrementAndGet();
                        continue;
                    }
                    events.incrementAndGet();
                    String id = opened.body().replaceAll(".*\"journeyId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                    for (int m = 0; m < MILESTONES.length && System.nanoTime() < end; m++) {
                        String body = "{\"type\":\"" + MILESTONES[m] + "\",\"occurredOn\":\"2026-01-1" + (3 + m)
                                      + "\"}";
                        String path = base + "/api/v1/journeys/" + id + "/milestones";
                        if (post(client, path, token, body).statusCode() == 201) {
                            events.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        System.out.printf("%d events in %d s: %.0f events/s, %d failed requests%n", events.get(), seconds,
                          events.get() / (double) seconds, failures.get());
        System.exit(0);
    }

    private static HttpResponse<String> post(HttpClient client, String url, String token, String body) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url))
                                          .header("Content-Type", "application/json")
                                          .header("Authorization", "Bearer " + token)
                                          .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                               HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
