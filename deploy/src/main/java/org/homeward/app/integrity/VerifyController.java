package org.homeward.app.integrity;

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

    VerifyController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @Operation(summary = "Verify the hash chain of the event store, optionally against an external copy of its "
                         + "checkpoints")
    @PostMapping("/verify")
    Verification verify(@RequestBody(required = false) @Valid ExternalCopy copy) {
        return verifier.verify(copy);
    }
}
