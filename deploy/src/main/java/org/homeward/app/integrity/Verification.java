package org.homeward.app.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of a verification: intact up to {@code verifiedUpTo}, or the first position where the store and the
 * chain disagree; and how far the chain trails the newest event.
 *
 * @param verifiedUpTo the last position whose recomputed hash matched the chain (0 when none)
 * @param verifiedHash the recomputed hash at {@code verifiedUpTo}, hex; compare it with copies kept elsewhere
 * @param signedUpTo   the newest checkpoint up to {@code verifiedUpTo} whose signature holds (0 when none): history
 *                     up to it cannot have been changed by anyone without the checkpoint key, which the database
 *                     never holds
 * @param checkpointKey the public key checkpoints are signed with (Ed25519, X.509, Base64), to check copies with
 * @param externalCopy {@code "matches"} when an outside copy of a head was given and agrees; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(boolean intact, long verifiedUpTo, String verifiedHash, long signedUpTo,
                           String checkpointKey, Problem problem, String externalCopy, Trailing trailing) {

    /** Kinds of {@link Problem}. */
    static final String ALTERED = "altered";
    static final String DELETED = "deleted";
    static final String INSERTED = "inserted";
    static final String CHAIN_DAMAGED = "chain-damaged";
    static final String CHAIN_REWRITTEN = "chain-rewritten";
    static final String CHECKPOINT_FORGED = "checkpoint-forged";

    /**
     * The first disagreement, in position order.
     *
     * @param kind {@code altered} (the stored event differs from the one chained), {@code deleted} (the chain
     *             recorded an event, the store has none), {@code inserted} (the store has an event where the chain
     *             recorded none), {@code chain-damaged} (the chain's own entries or head were changed) or
     *             {@code chain-rewritten} (a checkpoint or an outside copy disagrees with the recomputed chain:
     *             history up to that position was changed and the chain recomputed to hide it) or
     *             {@code checkpoint-forged} (a checkpoint agrees with the recomputed chain but its signature does
     *             not hold: the chain and the checkpoints were recomputed by someone without the checkpoint key)
     */
    public record Problem(String kind, long position, String description) {
    }

    /**
     * How far the chain trails the store when the verification began. Events after {@code chainHead} are not yet
     * covered: the keeper chains them once they are older than the settle time.
     *
     * @param firstUnchainedRecordedAt the time stamp of the first event not yet chained; absent when there is none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trailing(long chainHead, long newestPosition, long unchainedEvents,
                           String firstUnchainedRecordedAt) {
    }
}
