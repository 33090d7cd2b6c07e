package org.homeward.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The keeper chains only events older than the settle time, in global order, stopping at the first that is not:
 * a younger event's transaction, or one holding a lower index, may still be open.
 */
@TestPropertySource(properties = "homeward.integrity.keeper-enabled=false")
class SettleTimeTest extends ChainTest {

    private static final Duration SETTLE = Duration.ofSeconds(90);

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private CheckpointKey checkpointKey;

    @Test
    void eventsYoungerThanTheSettleTimeWaitTheirTurn() {
        openJourney(intake());
        String second = openJourney(intake());
        openJourney(intake());
        long secondOpened = jdbc.queryForObject(
                "select min(global_index) from domain_event_entry where aggregate_identifier = ?", Long.class, second);
        Instant secondStamped = Instant.parse(jdbc.queryForObject(
                "select time_stamp from domain_event_entry where global_index = ?", String.class, secondOpened));

        assertThat(keeperAt(secondStamped.plus(SETTLE)).catchUp(() -> true)).isEqualTo(secondOpened - 1);
        assertThat(chainHead()).isEqualTo(secondOpened - 1);

        long newest = newestPosition();
        assertThat(keeperAt(Instant.now().plus(SETTLE).plusSeconds(1)).catchUp(() -> true))
                .isEqualTo(newest - secondOpened + 1);
        assertThat(chainHead()).isEqualTo(newest);
        assertIntactUpTo(verify(), newest);
    }

    private ChainKeeper keeperAt(Instant now) {
        return new ChainKeeper(jdbc, checkpointKey, transactions, Clock.fixed(now, ZoneOffset.UTC), SETTLE, 1000, 10000,
                               Duration.ofMinutes(1));
    }
}
