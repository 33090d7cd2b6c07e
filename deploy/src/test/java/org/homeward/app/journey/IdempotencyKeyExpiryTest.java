package org.homeward.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Keys are forgotten after a while; a retry that late is still never recorded twice. */
@TestPropertySource(properties = {"homeward.idempotency.keep-for=1h", "homeward.idempotency.purge-interval=100ms"})
class IdempotencyKeyExpiryTest extends HttpTest {

    @Test
    void aRetryAfterTheKeyIsForgottenIsRefusedNotRecordedAgain() {
        String journey = openJourney(intake());
        String path = "/api/v1/journeys/" + journey + "/milestones";
        Map<String, String> oldKey = Map.of("Idempotency-Key", "old-" + journey);
        Map<String, String> freshKey = Map.of("Idempotency-Key", "fresh-" + journey);
        Reply first = api.post(path, milestone("SHELTER_ENTERED", INTAKE, null), oldKey);
        api.post(path, milestone("MEDICAL_CHECKUP_DONE", INTAKE, null), freshKey);
        jdbc.update("update idempotency_key set recorded_at = now() - interval '2 hours' where idempotency_key like ?",
                    "%old-" + journey);

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> keys(journey) == 1);
        long before = storedEvents();
        Reply lateRetry = api.post(path, milestone("SHELTER_ENTERED", INTAKE, null), oldKey);
        Reply freshRetry = api.post(path, milestone("MEDICAL_CHECKUP_DONE", INTAKE, null), freshKey);

        assertThat(first.status()).isEqualTo(201);
        assertThat(lateRetry.status()).isEqualTo(409);
        assertThat(lateRetry.text("detail")).contains(first.text("milestoneId"));
        assertThat(freshRetry.status()).isEqualTo(201);
        assertThat(storedEvents()).isEqualTo(before);
    }

    private long keys(String journey) {
        return jdbc.queryForObject("select count(*) from idempotency_key where idempotency_key like ?", Long.class,
                                   "%-" + journey);
    }
}
