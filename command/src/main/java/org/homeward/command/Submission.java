package org.homeward.command;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.homeward.access.Provenance;

/**
 * What a client's request says about itself besides its body: the {@code Idempotency-Key} that makes a retry
 * safe, the journey version it was made from ({@code If-Match}), where it was sent, and who sent it through
 * which request and channel.
 *
 * @param idempotencyKey  null when the client sent none
 * @param expectedVersion null when the client sent no {@code If-Match}
 */
public record Submission(String idempotencyKey, Long expectedVersion, String path, Provenance provenance) {

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
}
