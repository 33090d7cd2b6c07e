package org.homeward.app.integrity;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An event slipped into history, into the hole a rolled-back insert left. (A row appended after the newest event
 * takes the next position and is chained like any new event: the chain proves that history was not changed, not
 * who appended.)
 */
class InsertedEventTest extends ChainTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void eventInsertedIntoAHoleIsNamedAtThatPosition() throws Exception {
        recordAndChain(1);
        long hole = rolledBackInsert();
        long newest = recordAndChain(2);
        assertIntactUpTo(verify(), newest);

        asAttacker("domain_event_entry", () -> insertCopy(position(2), hole));

        assertProblem(verify(), Verification.INSERTED, hole);

        asAttacker("domain_event_entry",
                   () -> jdbc.update("delete from domain_event_entry where global_index = ?", hole));
        assertIntactUpTo(verify(), newest);
    }

    /** A writer that inserts an event and rolls back: its global index stays unused for ever. */
    private long rolledBackInsert() throws Exception {
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (var insert = writer.prepareStatement("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload, meta_data)
                    select gen_random_uuid()::text, aggregate_identifier, 1000, type, time_stamp, payload_type,
                           payload, meta_data
                    from domain_event_entry order by global_index limit 1
                    returning global_index""");
                 var inserted = insert.executeQuery()) {
                inserted.next();
                long hole = inserted.getLong(1);
                writer.rollback();
                return hole;
            }
        }
    }
}
