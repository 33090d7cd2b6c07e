package org.homeward.command;

import org.homeward.refusal.Refusal;
import org.homeward.refusal.RefusalKind;

/** An idempotency key already used for a different request. */
public class IdempotencyKeyReusedException extends Refusal {

    public IdempotencyKeyReusedException() {
        super(RefusalKind.IDEMPOTENCY_KEY_REUSED,
              "This Idempotency-Key was already used for a different request; use a new key for a new request");
    }
}
