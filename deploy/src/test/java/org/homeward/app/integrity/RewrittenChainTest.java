package org.homeward.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An attacker who changes an event and then recomputes the chain over it. The entries alone cannot show it; the
 * checkpoints can while they are left alone, and a head copied out of the database always can.
 */
class RewrittenChainTest extends ChainTest {

    @Test
    void recomputedChainIsCaughtByCheckpointsAndThenOnlyByACopyKeptOutside() {
        long newest = recordAndChain(5);
        long altered = position(3);
        Map<String, Object> firstCheckpoint = jdbc.queryForMap("""
                select global_index, hash from integrity_checkpoint where global_index >= ?
                order by global_index limit 1""", altered);
        long checkpoint = (Long) firstCheckpoint.get("global_index");
        String copiedHash = ChainHash.hex((byte[]) firstCheckpoint.get("hash"));

        asAttacker("domain_event_entry", () -> jdbc.update(
                "update domain_event_entry set payload = set_byte(payload, 3, get_byte(payload, 3) # 1) "
                + "where global_index = ?", altered));
        asAttacker("integrity_chain", () -> recomputeChain(false));

        assertProblem(verify(), Verification.CHAIN_REWRITTEN, checkpoint);

        asAttacker("integrity_checkpoint", () -> recomputeChain(true));

        assertIntactUpTo(verify(), newest);
        assertProblem(verifyAgainst(checkpoint, copiedHash), Verification.CHAIN_REWRITTEN, checkpoint);
    }

    private JsonNode verifyAgainst(long position, String hash) {
        return auditor().post("/api/v1/audit/verify", Map.of("position", position, "hash", hash)).json();
    }

    /** What the attacker runs: the chain recomputed from the start over the rows as they now are. */
    private void recomputeChain(boolean checkpointsToo) {
        ChainHash hash = new ChainHash();
        byte[] previous = ChainHash.GENESIS;
        List<Map<String, Object>> entries = jdbc.queryForList(
                "select global_index, absent from integrity_chain order by global_index");
        for (Map<String, Object> entry : entries) {
            long position = (Long) entry.get("global_index");
            previous = (Boolean) entry.get("absent")
                       ? hash.absent(previous, position)
                       : hash.event(previous, jdbc.queryForObject("select " + StoredEvent.COLUMNS
                                                                  + " from domain_event_entry where global_index = ?",
                                                                  StoredEvent.ROW, position));
            if (checkpointsToo) {
                jdbc.update("update integrity_checkpoint set hash = ? where global_index = ?", previous, position);
            } else {
                jdbc.update("update integrity_chain set hash = ? where global_index = ?", previous, position);
            }
        }
        jdbc.update("update integrity_chain_head set hash = ?", previous);
        assertThat(entries).isNotEmpty();
    }
}
