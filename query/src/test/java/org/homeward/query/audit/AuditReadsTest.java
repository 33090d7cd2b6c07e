package org.homeward.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.query.audit.GroupCommitTest.inThread;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.privacy.PersonKeyring;
import org.homeward.query.support.ReadModelDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The read audit on a real database: a reader returns only once its entry is committed, and readers who arrive
 * while an entry commits share the next transaction rather than one each.
 */
class AuditReadsTest {

    private static final PersonKeyring NO_KEYS = new PersonKeyring() {
        @Override
        public void create(UUID journeyId) {
        }

        @Override
        public byte[] key(UUID journeyId) {
            return null;
        }

        @Override
        public void destroy(UUID journeyId) {
        }
    };

    @Test
    void concurrentReadersEntriesAreCommittedTogetherAndEachReaderWaitsForItsOwn() throws Exception {
        JdbcTemplate jdbc = ReadModelDatabase.fresh();
        AuditReads reads = new AuditReads(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()),
                                          Clock.systemUTC(), NO_KEYS);
        UUID journey = UUID.randomUUID();
        Caller caseManager = new Caller("cm-1", Role.CASE_MANAGER, "org-1");
        CompletableFuture<Void> first;
        List<CompletableFuture<Void>> others = new ArrayList<>();
        try (Connection blocker = jdbc.getDataSource().getConnection()) {
            // holds the first reader's commit back, as a slow disk would
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table audit_read in exclusive mode");
            first = inThread(() -> reads.record(caseManager, journey, "timeline", null, null, "read-0"));
            awaitInsertBlocked(jdbc);
            for (int i = 1; i <= 10; i++) {
                String request = "read-" + i;
                others.add(inThread(() -> reads.record(caseManager, journey, "timeline", null, null, request)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (reads.waitingToCommit() < 10) {
                assertThat(System.nanoTime()).as("readers waiting").isLessThan(deadline);
                Thread.sleep(5);
            }
            assertThat(first).isNotDone();
            assertThat(others).noneMatch(CompletableFuture::isDone);
            blocker.rollback();
        }
        first.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Void> other : others) {
            other.get(10, TimeUnit.SECONDS);
        }

        assertThat(jdbc.queryForList("select request_id from audit_read", String.class))
                .containsExactlyInAnyOrder("read-0", "read-1", "read-2", "read-3", "read-4", "read-5", "read-6",
                                           "read-7", "read-8", "read-9", "read-10");
        // rows written by one transaction carry its id: the first reader's, then one for the ten others
        assertThat(jdbc.queryForObject("select count(distinct xmin::text) from audit_read", Integer.class))
                .isEqualTo(2);
    }

    private static void awaitInsertBlocked(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jdbc.queryForObject("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock' and query like '%audit_read%'""",
                                   Integer.class) == 0) {
            assertThat(System.nanoTime()).as("first insert blocked").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
