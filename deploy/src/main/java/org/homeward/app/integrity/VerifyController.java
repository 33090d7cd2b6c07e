package org.homeward.app.integrity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/audit/verify}: recomputes the hash chain over the whole event store and answers whether it is
 * intact. The body is optional: a head copied from the log ({@code {"position": N, "hash": "..."}}) is checked too.
 * A tampered store is still a successful verification, so the answer is 200 either way.
 */
@RestController
@Tag(name = "audit")
@RequestMapping("/api/v1/audit")
class VerifyController {

    private final ChainVerifier verifier;
    private final MeterRegistry meters;

    VerifyController(ChainVerifier verifier, MeterRegistry meters) {
        this.verifier = verifier;
        this.meters = meters;
        // both series from the start: an alert on an increase sees nothing when a series first appears at 1
        verifications(true);
        verifications(false);
    }

    @Operation(summary = "Verify the hash chain of the event store, optionally against an external copy of its "
                         + "checkpoints")
    @PostMapping("/verify")
    Verification verify(@RequestBody(required = false) @Valid ExternalCopy copy) {
        Verification verification = verifier.verify(copy);
        verifications(verification.intact()).increment();
        return verification;
    }

    /** Verifications by result; an alert rule watches for "broken" (deploy/monitoring). */
    private Counter verifications(boolean intact) {
        return meters.counter("homeward.chain.verifications", "result", intact ? "intact" : "broken");
    }
}
