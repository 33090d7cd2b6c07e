package org.homeward.command;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.homeward.access.Caller;
import org.homeward.access.Provenance;

/**
 * What a client's request says about itself besides its body: who sent it, the {@code Idempotency-Key} that
 * makes a retry safe, the journey version it was made from ({@code If-Match}), where it was sent, and through
 * which request and channel.
 *
 * @param caller          who sent it, as authentication vouches
 * @param idempotencyKey  the caller's key, scoped to the caller; null when the client sent none
 * @param expectedVersion null when the client sent no {@code If-Match}
 */
public record Submission(Caller caller, String idempotencyKey, Long expectedVersion, String path, String requestId,
                         String channel) {

    /**
     * A new id for what this request creates. With an idempotency key the id is derived from it, so a retried
     * request sends exactly the same command and is recognised as the same request.
     */
    public UUID newId(String kind) {
        if (idempotencyKey == null) {
            return UUID.randomUUID();
        }
        return UUID.nameUUIDFromBytes((idempotencyKey + "\n" + path + "\n" + kind).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * This request's submission for another command it sends besides the first, under a key of its own derived
     * from the client's: each command is then recognised on a retry, rather than the second answering the first's
     * answer. A client's key holds no line break, so a derived key never meets one.
     */
    public Submission forAnotherCommand(String which) {
        return idempotencyKey == null ? this
                : new Submission(caller, idempotencyKey + "\n" + which, expectedVersion, path, requestId, channel);
    }

    public Provenance provenance() {
        return new Provenance(caller.userId(), caller.role(), caller.organisationId(), requestId, channel);
    }
}
