package org.homeward.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;

/**
 * Case managers in several field offices write to one journey at the same moment, retry when their network
 * drops, and work from screens that may be stale. Nothing acknowledged is lost, nothing is recorded twice, and
 * nobody overwrites what they have not seen.
 */
class ConcurrentWritersTest extends HttpTest {

    @Test
    void sixteenWritersAtOnceLoseNothing() throws Exception {
        String journey = openJourney(intake());
        int writers = 16;
        int milestonesEach = 5;

        List<Reply> replies = inParallel(writers, writer -> {
            List<Reply> mine = new ArrayList<>();
            for (int i = 0; i < milestonesEach; i++) {
                mine.add(api.post("/api/v1/journeys/" + journey + "/milestones",
                                  milestone("SUPPORT_GROUP_JOINED", INTAKE.plusDays(writer), "writer " + writer)));
            }
            return mine;
        }).stream().flatMap(List::stream).toList();

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(201));
        Set<String> acknowledged = replies.stream().map(reply -> reply.text("milestoneId")).collect(Collectors.toSet());
        assertThat(acknowledged).hasSize(writers * milestonesEach);
        assertThat(replies.stream().map(reply -> reply.json().path("version").asLong()).distinct().count())
                .as("every write answered its own version").isEqualTo(writers * milestonesEach);

        List<Long> sequence = jdbc.queryForList("select sequence_number from domain_event_entry"
                                                + " where aggregate_identifier = ? order by sequence_number",
                                                Long.class, journey);
        assertThat(sequence).containsExactlyElementsOf(
                LongStream.rangeClosed(0, writers * milestonesEach).boxed().toList());

        Reply timeline = api.get("/api/v1/journeys/" + journey + "/timeline?minVersion=" + writers * milestonesEach);
        Set<String> inTimeline = timeline.json().path("milestones").valueStream()
                                         .map(m -> m.path("milestoneId").asString()).collect(Collectors.toSet());
        assertThat(inTimeline).isEqualTo(acknowledged);
    }

    @Test
    void twentyRetriesOfOneRequestRecordOneMilestone() throws Exception {
        String journey = openJourney(intake());
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + journey);

        List<Reply> replies = inParallel(20, attempt -> api.post("/api/v1/journeys/" + journey + "/milestones",
                                                               milestone("SHELTER_ENTERED", INTAKE, null), key));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(201));
        assertThat(replies.stream().map(Reply::body).distinct()).as("every retry got the first answer").hasSize(1);
        assertThat(replies.stream().map(Reply::eTag).distinct()).containsExactly("\"1\"");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                                       Long.class, journey)).isEqualTo(2);
        assertThat(api.get("/api/v1/journeys/" + journey + "/timeline?minVersion=1").json().path("milestones"))
                .hasSize(1);
    }

    @Test
    void retriedIntakeOpensOneJourney() {
        Map<String, String> key = Map.of("Idempotency-Key", "intake-" + System.nanoTime());
        long before = storedEvents();

        Reply first = api.post("/api/v1/journeys", intake(), key);
        Reply retry = api.post("/api/v1/journeys", intake(), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void keyReusedForDifferentRequestIsRefused() {
        String journey = openJourney(intake());
        Map<String, String> key = Map.of("Idempotency-Key", "reused-" + journey);
        api.post("/api/v1/journeys/" + journey + "/milestones", milestone("SHELTER_ENTERED", INTAKE, null), key);
        long before = storedEvents();

        Reply other = api.post("/api/v1/journeys/" + journey + "/milestones",
                               milestone("SHELTER_EXITED", INTAKE.plusDays(3), null), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void failedRequestCanBeRetriedWithItsKeyOnceFixed() {
        String journey = openJourney(intake());
        api.post("/api/v1/journeys/" + journey + "/closure", Map.of("reason", "OTHER", "closedOn", INTAKE.toString()));
        Map<String, String> key = Map.of("Idempotency-Key", "after-reopen-" + journey);
        Map<String, Object> body = milestone("HOUSING_SECURED", INTAKE.plusDays(1), null);

        Reply refused = api.post("/api/v1/journeys/" + journey + "/milestones", body, key);
        api.post("/api/v1/journeys/" + journey + "/reopening",
                 Map.of("reopenedOn", INTAKE.plusDays(1).toString(), "reason", "person came back"));
        Reply accepted = api.post("/api/v1/journeys/" + journey + "/milestones", body, key);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(accepted.status()).isEqualTo(201);
    }

    @Test
    void staleScreenCannotOverwriteWhatAColleagueRecorded() {
        String journey = openJourney(intake());
        String base = "/api/v1/journeys/" + journey + "/milestones";
        Reply seen = api.post(base, milestone("SHELTER_ENTERED", INTAKE, null));
        api.post(base, milestone("MEDICAL_CHECKUP_DONE", INTAKE.plusDays(1), null), Map.of("If-Match", seen.eTag()));
        long before = storedEvents();

        Reply stale = api.post(base, milestone("SHELTER_EXITED", INTAKE.plusDays(2), null),
                               Map.of("If-Match", seen.eTag()));

        assertThat(seen.eTag()).isEqualTo("\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void malformedIfMatchIsNamed() {
        String journey = openJourney(intake());

        Reply reply = api.post("/api/v1/journeys/" + journey + "/milestones", milestone("SHELTER_ENTERED", INTAKE, null),
                               Map.of("If-Match", "yesterday"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("If-Match");
    }

    private static <T> List<T> inParallel(int count, ThrowingTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> task.run(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThrowingTask<T> {
        T run(int index) throws Exception;
    }
}
