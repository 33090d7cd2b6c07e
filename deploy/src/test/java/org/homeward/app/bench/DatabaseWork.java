package org.homeward.app.bench;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What PostgreSQL did for a database, from its own counters: transactions committed, rows inserted and updated,
 * statements' rows read. Divided by the commands of a load, it says how much work one command costs beside the
 * one row a raw insert writes.
 */
record DatabaseWork(long commits, long inserted, long updated, long read) {

    /**
     * Backends hand their counters to the shared statistics at most once a second, and an idle one after up to
     * ten seconds: waiting that long before reading makes a reading complete.
     */
    static final Duration SETTLE = Duration.ofSeconds(11);

    static DatabaseWork of(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                                   select xact_commit, tup_inserted, tup_updated, tup_returned + tup_fetched
                                   from pg_stat_database where datname = current_database()""",
                                   (row, n) -> new DatabaseWork(row.getLong(1), row.getLong(2), row.getLong(3),
                                                                row.getLong(4)));
    }

    DatabaseWork minus(DatabaseWork before) {
        return new DatabaseWork(commits - before.commits, inserted - before.inserted, updated - before.updated,
                                read - before.read);
    }

    String per(long commands) {
        double n = Math.max(1, commands);
        return "%.1f commits · %.1f rows inserted · %.1f updated · %.0f read".formatted(commits / n, inserted / n,
                                                                                         updated / n, read / n);
    }
}
