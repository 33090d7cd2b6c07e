package org.homeward.app.integrity;

import org.junit.jupiter.api.Test;

/** An event slipped in before the first position the store ever handed out. */
class InsertedBeforeStartTest extends ChainTest {

    @Test
    void eventInsertedBeforeTheFirstPositionIsNamed() {
        long newest = recordAndChain(1);

        asAttacker("domain_event_entry", () -> insertCopy(position(0), 0));

        assertProblem(verify(), Verification.INSERTED, 0);

        asAttacker("domain_event_entry",
                   () -> jdbc.update("delete from domain_event_entry where global_index = 0"));
        assertIntactUpTo(verify(), newest);
    }
}
