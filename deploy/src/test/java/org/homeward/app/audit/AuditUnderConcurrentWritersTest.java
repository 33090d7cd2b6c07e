package org.homeward.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;

/**
 * Eight case managers record at once, so transactions commit out of index order and share the audit processor's
 * batches. The auditor's trail must still hold every event the store holds, each at its own position.
 */
class AuditUnderConcurrentWritersTest extends HttpTest {

    @Test
    void trailHoldsEveryStoredEventAtItsOwnPosition() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                work.add(pool.submit(() -> {
                    for (int j = 0; j < 12; j++) {
                        String journey = openJourney(intake());
                        for (int m = 0; m < 3; m++) {
                            api.post("/api/v1/journeys/" + journey + "/milestones",
                                     milestone("SUPPORT_GROUP_JOINED", INTAKE.plusDays(m), null));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        awaitCaughtUp("audit");
        List<Map<String, Object>> missing = jdbc.queryForList("""
                select global_index, event_identifier from domain_event_entry
                except
                select global_index, event_identifier from audit_event""");
        assertThat(missing).as("stored events without their own audit entry").isEmpty();
        assertThat(count("audit_event")).isEqualTo(count("domain_event_entry")).isEqualTo(8 * 12 * 4);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
