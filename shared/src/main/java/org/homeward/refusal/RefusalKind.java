package org.homeward.refusal;

/**
 * What kind of refusal a request met. Each kind has a stable problem type, {@code urn:homeward:problem:<type>},
 * that clients may rely on; the application decides the HTTP status from the kind alone, so a new exception
 * chooses its answer by choosing its kind.
 */
public enum RefusalKind {

    /** Fields of the request are bad: 400, naming each field and why. */
    INVALID_REQUEST("invalid-request"),
    /** No such journey or program: 404. */
    UNKNOWN("unknown"),
    /** No such milestone or follow-up in the journey: 404. */
    UNKNOWN_PART("unknown-part-of-journey"),
    /** The caller may not see it: 404 exactly like {@link #UNKNOWN}, and kept among the refusals for auditors. */
    NOT_VISIBLE("unknown"),
    /** The caller's role or organisation does not allow it: 403, kept among the refusals for auditors. */
    NOT_PERMITTED("forbidden"),
    /** A rule of the domain refuses it in the journey's present state: 409. */
    RULE_BROKEN("rule-broken"),
    /** The Idempotency-Key was used for a different request: 422. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused"),
    /** Someone else holds it right now (another process holds part of a projection to rebuild): 409, retry later. */
    BUSY("busy"),
    /** The answer is not there yet (a projection behind a version the caller saw): 503, retry shortly. */
    NOT_YET("timeline-behind");

    private final String problemType;

    RefusalKind(String problemType) {
        this.problemType = problemType;
    }

    /** The last part of the problem type URN. */
    public String problemType() {
        return problemType;
    }
}
