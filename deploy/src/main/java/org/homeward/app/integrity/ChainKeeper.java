package org.homeward.app.integrity;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.homeward.app.HomewardSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Extends the hash chain over the event store, in global order, behind the write path: appending an event costs
 * nothing extra, and the chain trails the newest event by the settle time plus the keeper's interval.
 *
 * <p>Global indexes are handed out at insert time but commit in any order, and a rolled-back insert leaves a hole
 * for ever. The keeper only chains rows whose time stamp is older than the settle time, stopping at the first
 * row that is not, and records every hole below that row as absent. The settle time must exceed twice the longest
 * write transaction (30 s statement and idle-in-transaction timeouts): a settled row was stamped inside its own
 * transaction, so any lower index was handed out before that transaction ended and its own transaction has ended
 * too; a hole below a settled row can only be a rolled-back insert. A row later slipped into such a hole is then
 * reported by verification as inserted.
 *
 * <p>Several processes may run a keeper against one database: each batch locks the head row with
 * {@code for update skip locked}, so one extends the chain while the others skip their turn.
 */
@Component
class ChainKeeper {

    private static final Logger log = LoggerFactory.getLogger(ChainKeeper.class);

    private final JdbcTemplate jdbc;
    private final CheckpointKey checkpointKey;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration settleTime;
    private final int batchSize;
    private final long checkpointEvery;
    private final Duration checkpointInterval;

    @Autowired
    ChainKeeper(JdbcTemplate jdbc, CheckpointKey checkpointKey, PlatformTransactionManager transactionManager,
                Clock clock, HomewardSettings settings) {
        this(jdbc, checkpointKey, transactionManager, clock, settings.integrity().settleTime(),
             settings.integrity().batchSize(), settings.integrity().checkpointEvery(),
             settings.integrity().checkpointInterval());
    }

    /** A keeper with its own clock and bounds, as tests need them. */
    ChainKeeper(JdbcTemplate jdbc, CheckpointKey checkpointKey, PlatformTransactionManager transactionManager,
                Clock clock, Duration settleTime, int batchSize, long checkpointEvery, Duration checkpointInterval) {
        this.jdbc = jdbc;
        this.checkpointKey = checkpointKey;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.settleTime = settleTime;
        this.batchSize = batchSize;
        this.checkpointEvery = checkpointEvery;
        this.checkpointInterval = checkpointInterval;
    }

    /** Extends the chain batch by batch while there is settled work and {@code carryOn} holds; answers the count. */
    long catchUp(BooleanSupplier carryOn) {
        long appended = 0;
        int batch;
        do {
            batch = extend();
            appended += batch;
        } while (batch == batchSize && carryOn.getAsBoolean());
        return appended;
    }

    /** Appends at most one batch of entries in one transaction; 0 when nothing is settled or another keeper works. */
    int extend() {
        Integer appended = transactions.execute(status -> {
            List<Head> locked = jdbc.query("""
                    select global_index, hash, checkpoint_index, checkpointed_at
                    from integrity_chain_head where id = 1 for update skip locked""", Head.ROW);
            return locked.isEmpty() ? 0 : extend(locked.get(0), clock.instant());
        });
        return appended == null ? 0 : appended;
    }

    private int extend(Head head, Instant now) {
        Instant cutoff = now.minus(settleTime);
        List<StoredEvent> rows = jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry "
                                            + "where global_index > ? order by global_index limit ?",
                                            StoredEvent.ROW, head.position(), batchSize);
        ChainHash hash = new ChainHash();
        Entries entries = new Entries(batchSize);
        long position = head.position();
        byte[] previous = head.hash();
        for (StoredEvent row : rows) {
            if (!settledBefore(row, cutoff)) {
                break;
            }
            while (position + 1 < row.globalIndex() && entries.size() < batchSize) {
                position++;
                previous = hash.absent(previous, position);
                entries.add(position, previous, true);
            }
            if (entries.size() == batchSize) {
                break;
            }
            position++;
            previous = hash.event(previous, row);
            entries.add(position, previous, false);
        }
        boolean due = position - head.checkpointIndex() >= checkpointEvery
                      || !now.isBefore(head.checkpointedAt().plus(checkpointInterval));
        if (entries.isEmpty()) {
            // a quiet store gets its last entries checkpointed too, or they would stay unsigned until the next event
            if (due && position > Math.max(head.checkpointIndex(), 0)) {
                checkpoint(position, previous, now);
            }
            return 0;
        }
        entries.insert(jdbc);
        if (due) {
            checkpoint(position, previous, now);
        } else {
            jdbc.update("update integrity_chain_head set global_index = ?, hash = ? where id = 1", position, previous);
        }
        return entries.size();
    }

    private void checkpoint(long position, byte[] hash, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        byte[] signature = checkpointKey.sign(position, hash);
        jdbc.update("""
                insert into integrity_checkpoint (global_index, hash, checkpointed_at, signature)
                values (?, ?, ?, ?)""", position, hash, at, signature);
        jdbc.update("""
                update integrity_chain_head set global_index = ?, hash = ?, checkpoint_index = ?, checkpointed_at = ?
                where id = 1""", position, hash, position, at);
        // position, hash and signature only: enough to keep a signed copy outside the database, nothing about anyone
        log.info("Integrity chain checkpoint: position {} hash {} signature {}", position, ChainHash.hex(hash),
                 ChainHash.hex(signature));
    }

    /** A time stamp no writer produced cannot be waited for: such a row is chained as it is. */
    private static boolean settledBefore(StoredEvent row, Instant cutoff) {
        try {
            return Instant.parse(row.timeStamp()).isBefore(cutoff);
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    /** One batch of entries written by one statement: row by row, the keeper chained a third fewer events a second. */
    private static final class Entries {

        private final List<Long> positions;
        private final List<byte[]> hashes;
        private final List<Boolean> absent;

        Entries(int capacity) {
            positions = new ArrayList<>(capacity);
            hashes = new ArrayList<>(capacity);
            absent = new ArrayList<>(capacity);
        }

        void add(long position, byte[] hash, boolean isAbsent) {
            positions.add(position);
            hashes.add(hash);
            absent.add(isAbsent);
        }

        int size() {
            return positions.size();
        }

        boolean isEmpty() {
            return positions.isEmpty();
        }

        void insert(JdbcTemplate jdbc) {
            jdbc.update(connection -> {
                PreparedStatement insert = connection.prepareStatement("""
                        insert into integrity_chain (global_index, hash, absent)
                        select * from unnest(?::bigint[], ?::bytea[], ?::boolean[])""");
                insert.setArray(1, connection.createArrayOf("bigint", positions.toArray(Long[]::new)));
                insert.setArray(2, connection.createArrayOf("bytea", hashes.toArray(byte[][]::new)));
                insert.setArray(3, connection.createArrayOf("boolean", absent.toArray(Boolean[]::new)));
                return insert;
            });
        }
    }

    private record Head(long position, byte[] hash, long checkpointIndex, Instant checkpointedAt) {

        static final RowMapper<Head> ROW = (row, number) -> new Head(
                row.getLong(1), row.getBytes(2), row.getLong(3),
                row.getObject(4, OffsetDateTime.class).toInstant());
    }
}
