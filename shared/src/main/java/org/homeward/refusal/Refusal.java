package org.homeward.refusal;

import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.HandlerExecutionException;

/**
 * A request refused on purpose: bad input, a rule, access. Named subclasses read well where rules are written;
 * what the answer is depends on the {@link RefusalKind} alone. The kind, message and fields travel as the
 * exception's {@link Details}, which Axon hands on when a command or query bus between processes replaces the
 * exception by its own, so the refusal is answered the same wherever the handler ran. Messages name ids and
 * fields only, never what a person said or is: they reach logs and problem responses.
 */
public class Refusal extends HandlerExecutionException {

    /** One bad field of a request and the reason it was refused, never its value. */
    public record Field(String field, String reason) {
    }

    /** What a refusal carries across a bus. */
    public record Details(RefusalKind kind, String message, List<Field> fields) {

        public Details {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    public Refusal(RefusalKind kind, String message) {
        this(kind, message, List.of());
    }

    public Refusal(RefusalKind kind, String message, List<Field> fields) {
        super(message, null, new Details(kind, message, fields), false);
    }

    public RefusalKind kind() {
        return details().kind();
    }

    public List<Field> fields() {
        return details().fields();
    }

    private Details details() {
        return this.<Details>getDetails().orElseThrow();
    }

    /** The refusal a failure is or carries, however a bus or a future wrapped it; empty for anything else. */
    public static Optional<Details> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HandlerExecutionException handled
                && handled.getDetails().orElse(null) instanceof Details details) {
                return Optional.of(details);
            }
        }
        return Optional.empty();
    }
}
