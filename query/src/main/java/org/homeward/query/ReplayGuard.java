package org.homeward.query;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes a journey projection's handlers safe to replay. Each journey row keeps the sequence number of the last
 * event applied to it; a handler first moves that version forward to its event's and goes on only if it moved.
 * A batch replayed after a crash, or an event delivered twice, then changes nothing.
 */
public final class ReplayGuard {

    private final JdbcTemplate jdbc;
    private final String advance;

    /** @param journeyTable the projection's table with one row per journey and a {@code version} column */
    public ReplayGuard(JdbcTemplate jdbc, String journeyTable) {
        this.jdbc = jdbc;
        this.advance = "update " + journeyTable + " set version = ? where journey_id = ? and version < ?";
    }

    /** Whether the event at {@code version} is new to the journey's row: then the row now says so. */
    public boolean advance(UUID journeyId, long version) {
        return jdbc.update(advance, version, journeyId, version) == 1;
    }
}
