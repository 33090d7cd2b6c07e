package org.homeward.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/** Several processes keep the chain of one database at once: each position is chained exactly once, in order. */
class KeepersTakeTurnsTest extends ChainTest {

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private CheckpointKey checkpointKey;

    @Test
    void concurrentKeepersBuildOneUnbrokenChain() throws Exception {
        ExecutorService processes = Executors.newFixedThreadPool(4);
        List<Future<Long>> chained = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                ChainKeeper keeper = new ChainKeeper(jdbc, checkpointKey, transactions, Clock.systemUTC(), Duration.ZERO, 3, 10,
                                                     Duration.ofMinutes(1));
                chained.add(processes.submit(() -> {
                    long total = 0;
                    for (int round = 0; round < 200; round++) {
                        total += keeper.catchUp(() -> true);
                    }
                    return total;
                }));
            }
            long newest = recordAndChain(6);
            for (Future<Long> keeper : chained) {
                keeper.get();
            }

            assertThat(jdbc.queryForObject("select count(*) from integrity_chain", Long.class)).isEqualTo(newest);
            assertIntactUpTo(verify(), newest);
        } finally {
            processes.shutdownNow();
        }
    }
}
