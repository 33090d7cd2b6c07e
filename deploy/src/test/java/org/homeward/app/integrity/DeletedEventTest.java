package org.homeward.app.integrity;

import org.junit.jupiter.api.Test;

/** A stored event removed in PostgreSQL: verification names the position the chain recorded it at. */
class DeletedEventTest extends ChainTest {

    @Test
    void deletedEventIsNamedAtItsPositionUntilPutBack() {
        long newest = recordAndChain(3);
        long deleted = position(7);
        jdbc.execute("create table kept_event as select * from domain_event_entry where global_index = "
                     + deleted);

        asAttacker("domain_event_entry",
                   () -> jdbc.update("delete from domain_event_entry where global_index = ?", deleted));

        assertProblem(verify(), Verification.DELETED, deleted);

        asAttacker("domain_event_entry",
                   () -> jdbc.update("insert into domain_event_entry overriding system value select * from kept_event"));

        assertIntactUpTo(verify(), newest);
    }
}
