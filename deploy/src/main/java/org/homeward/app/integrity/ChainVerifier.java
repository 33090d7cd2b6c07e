package org.homeward.app.integrity;

import static org.homeward.app.integrity.Verification.ALTERED;
import static org.homeward.app.integrity.Verification.CHAIN_DAMAGED;
import static org.homeward.app.integrity.Verification.CHECKPOINT_FORGED;
import static org.homeward.app.integrity.Verification.CHAIN_REWRITTEN;
import static org.homeward.app.integrity.Verification.DELETED;
import static org.homeward.app.integrity.Verification.INSERTED;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.homeward.app.HomewardSettings;
import org.homeward.app.integrity.Verification.Problem;
import org.homeward.app.integrity.Verification.Trailing;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Recomputes the chain from its start over the event rows as they are now and compares it, position by position,
 * with the stored entries, the checkpoints and optionally a head copied out of the database. Rows are read a
 * window of positions at a time, each window its own short query, so memory stays flat and no statement outlives
 * the connection's timeouts however large the store. Only positions up to the head read at the start are checked;
 * what the keeper appends meanwhile is left for the next verification.
 */
@Component
public class ChainVerifier {

    private final JdbcTemplate jdbc;
    private final CheckpointKey checkpointKey;
    private final int window;

    ChainVerifier(JdbcTemplate jdbc, CheckpointKey checkpointKey, HomewardSettings settings) {
        this.jdbc = jdbc;
        this.checkpointKey = checkpointKey;
        this.window = settings.integrity().batchSize();
    }

    public Verification verify(ExternalCopy copy) {
        // head and newest checkpoint in one statement: one snapshot, whatever a keeper commits meanwhile
        Start start = jdbc.queryForObject("""
                select h.global_index, h.hash, (select max(global_index) from integrity_checkpoint)
                from integrity_chain_head h where h.id = 1""", Start.ROW);
        Trailing trailing = trailing(start.head());
        Walk walk = new Walk(copy);
        Long first = jdbc.queryForObject("select min(global_index) from domain_event_entry", Long.class);
        if (first != null && first < 1) {
            walk.problem = new Problem(INSERTED, first, "the store has an event before the chain's first position");
        }
        for (long from = 0; from < start.head() && walk.problem == null; from += window) {
            walk.check(from, Math.min(from + window, start.head()));
        }
        if (walk.problem == null) {
            walk.problem = cutBack(start, walk, copy);
        }
        String copyAnswer = copy != null && walk.problem == null ? "matches" : null;
        return new Verification(walk.problem == null, walk.verified, ChainHash.hex(walk.previous), walk.signedUpTo,
                                checkpointKey.publicKey(), walk.problem, copyAnswer, trailing);
    }

    private Trailing trailing(long head) {
        Long newest = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        long unchained = jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ?",
                                             Long.class, head);
        List<String> firstUnchained = jdbc.queryForList("""
                select time_stamp from domain_event_entry where global_index > ? order by global_index limit 1""",
                                                        String.class, head);
        return new Trailing(head, newest == null ? 0 : newest, unchained,
                            firstUnchained.isEmpty() ? null : firstUnchained.get(0));
    }

    /** The chain only grows: a head behind a checkpoint or an outside copy means it was cut back. */
    private static Problem cutBack(Start start, Walk walk, ExternalCopy copy) {
        if (!Arrays.equals(walk.previous, start.hash())) {
            return new Problem(CHAIN_DAMAGED, start.head(), "the chain head does not match the chain's entry here");
        }
        if (start.newestCheckpoint() != null && start.newestCheckpoint() > start.head()) {
            return new Problem(CHAIN_REWRITTEN, start.newestCheckpoint(),
                               "a checkpoint lies beyond the chain head " + start.head() + ": the chain was cut back");
        }
        if (copy != null && copy.position() > start.head()) {
            return new Problem(CHAIN_REWRITTEN, copy.position(),
                               "the copy lies beyond the chain head " + start.head() + ": the chain was cut back");
        }
        return null;
    }

    /** The recomputation so far: the last position that matched, its hash, and the first problem found. */
    private final class Walk {

        private final ChainHash hash = new ChainHash();
        private final ExternalCopy copy;
        private final byte[] copyHash;
        private byte[] previous = ChainHash.GENESIS;
        private long verified;
        private long lastGoodCheckpoint;
        private long signedUpTo;
        private Problem problem;

        Walk(ExternalCopy copy) {
            this.copy = copy;
            this.copyHash = copy == null ? null : ChainHash.fromHex(copy.hash());
        }

        /** Checks positions {@code from + 1} to {@code to}, stopping at the first problem. */
        void check(long from, long to) {
            List<Entry> entries = jdbc.query("""
                    select global_index, hash, absent from integrity_chain
                    where global_index > ? and global_index <= ? order by global_index""", Entry.ROW, from, to);
            List<StoredEvent> rows = jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry "
                                                + "where global_index > ? and global_index <= ? "
                                                + "order by global_index", StoredEvent.ROW, from, to);
            Map<Long, Checkpoint> checkpoints = new HashMap<>();
            jdbc.query("""
                    select global_index, hash, signature from integrity_checkpoint
                    where global_index > ? and global_index <= ?""",
                       (RowCallbackHandler) row -> checkpoints.put(row.getLong(1),
                                                                   new Checkpoint(row.getBytes(2), row.getBytes(3))),
                       from, to);
            int nextEntry = 0;
            int nextRow = 0;
            for (long position = from + 1; position <= to; position++) {
                Entry entry = nextEntry < entries.size() && entries.get(nextEntry).position() == position
                              ? entries.get(nextEntry++) : null;
                StoredEvent row = nextRow < rows.size() && rows.get(nextRow).globalIndex() == position
                                  ? rows.get(nextRow++) : null;
                problem = check(position, entry, row, checkpoints.get(position));
                if (problem != null) {
                    return;
                }
            }
        }

        private Problem check(long position, Entry entry, StoredEvent row, Checkpoint checkpoint) {
            if (entry == null) {
                return new Problem(CHAIN_DAMAGED, position, "the chain has no entry for this position");
            }
            if (entry.absent() && row != null) {
                return new Problem(INSERTED, position,
                                   "the store has an event at a position the chain recorded as empty");
            }
            if (!entry.absent() && row == null) {
                return new Problem(DELETED, position, "the chain recorded an event here; the store has none");
            }
            byte[] recomputed = entry.absent() ? hash.absent(previous, position) : hash.event(previous, row);
            if (!Arrays.equals(recomputed, entry.hash())) {
                return entry.absent()
                       ? new Problem(CHAIN_DAMAGED, position, "the chain entry of this empty position was changed")
                       : new Problem(ALTERED, position, "the stored event differs from the event chained here");
            }
            if (checkpoint != null && !Arrays.equals(recomputed, checkpoint.hash())) {
                return new Problem(CHAIN_REWRITTEN, position, "the checkpoint here differs from the recomputed "
                                   + "chain: an event after position " + lastGoodCheckpoint
                                   + " was changed and the chain recomputed");
            }
            if (copy != null && copy.position() == position && !Arrays.equals(recomputed, copyHash)) {
                return new Problem(CHAIN_REWRITTEN, position, "the copy given differs from the recomputed chain: an "
                                   + "event up to this position was changed and the chain recomputed");
            }
            if (checkpoint != null && checkpoint.signature() != null) {
                if (!checkpointKey.verifies(position, recomputed, checkpoint.signature())) {
                    return new Problem(CHECKPOINT_FORGED, position, "the checkpoint here matches the recomputed chain"
                                       + " but is not signed by this installation's checkpoint key: history up to"
                                       + " here was changed and the chain and its checkpoints recomputed");
                }
                signedUpTo = position;
            } else if (checkpoint != null && signedUpTo > 0) {
                return new Problem(CHECKPOINT_FORGED, position, "an unsigned checkpoint after signed ones: the keeper"
                                   + " signs every checkpoint, so this one was written by someone else");
            }
            if (checkpoint != null) {
                lastGoodCheckpoint = position;
            }
            previous = recomputed;
            verified = position;
            return null;
        }
    }

    private record Start(long head, byte[] hash, Long newestCheckpoint) {

        static final RowMapper<Start> ROW = (row, number) -> new Start(row.getLong(1), row.getBytes(2),
                                                                       row.getObject(3, Long.class));
    }

    private record Checkpoint(byte[] hash, byte[] signature) {
    }

    private record Entry(long position, byte[] hash, boolean absent) {

        static final RowMapper<Entry> ROW = (row, number) -> new Entry(row.getLong(1), row.getBytes(2),
                                                                       row.getBoolean(3));
    }
}
