package org.homeward.query;

import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;

/** Asks a query and waits for its answer, the way every read endpoint does. */
public final class Answers {

    private Answers() {
    }

    /** @throws RuntimeException what the query handler threw, unwrapped, so problem responses can name it */
    public static <R> R ask(QueryGateway queries, Object query, ResponseType<R> answer) {
        try {
            return queries.query(query, answer).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
