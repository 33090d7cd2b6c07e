package org.homeward.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An attacker with the database owner's rights who changes an event and then recomputes the chain over it. The
 * entries alone cannot show it; the checkpoints can while they are left alone; recomputed checkpoints carry
 * signatures that no longer hold, since the checkpoint key is not in the database; and once every checkpoint is
 * gone, a head copied out of the database still shows it.
 */
class RewrittenChainTest extends ChainTest {

    @Test
    void recomputedChainIsCaughtByCheckpointsThenBySignaturesThenOnlyByACopyKeptOutside() {
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

        assertProblem(verify(), Verification.CHECKPOINT_FORGED, checkpoint);

        asAttacker("integrity_checkpoint", () -> jdbc.update("update integrity_checkpoint set signature = null"));

        JsonNode unsigned = verify();
        assertIntactUpTo(unsigned, newest);
        assertThat(unsigned.path("signedUpTo").asLong()).as("nothing vouches for the chain any more").isZero();
        assertProblem(verifyAgainst(checkpoint, copiedHash), Verification.CHAIN_REWRITTEN, checkpoint);
    }

    @Test
    void aCheckpointCopiedOutOfTheDatabaseVerifiesWithThePublicKeyAlone() throws Exception {
        recordAndChain(3); // 12 events: a checkpoint is due every 10 here
        JsonNode verification = verify();
        long signedUpTo = verification.path("signedUpTo").asLong();
        assertThat(signedUpTo).as(verification.toString()).isPositive();
        Map<String, Object> copied = jdbc.queryForMap(
                "select hash, signature from integrity_checkpoint where global_index = ?", signedUpTo);

        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(verification.path("checkpointKey").asString())));
        assertThat(signatureHolds(key, signedUpTo, (byte[]) copied.get("hash"), (byte[]) copied.get("signature")))
                .isTrue();
        assertThat(signatureHolds(key, signedUpTo + 1, (byte[]) copied.get("hash"), (byte[]) copied.get("signature")))
                .as("the signature is of this position only").isFalse();
    }

    /** What an auditor runs on a checkpoint line copied from the log, outside Homeward (docs/integrity.md). */
    private static boolean signatureHolds(PublicKey key, long position, byte[] hash, byte[] signature)
            throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update("homeward-checkpoint-v1".getBytes(StandardCharsets.US_ASCII));
        verifier.update(ByteBuffer.allocate(Long.BYTES).putLong(position).array());
        verifier.update(hash);
        return verifier.verify(signature);
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
