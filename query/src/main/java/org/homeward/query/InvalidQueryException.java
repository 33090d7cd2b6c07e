package org.homeward.query;

import java.util.List;

/** Query parameters that cannot be answered; names each bad parameter and why, never its value. */
public class InvalidQueryException extends RuntimeException {

    public record Problem(String field, String reason) {
    }

    private final List<Problem> problems;

    public InvalidQueryException(List<Problem> problems) {
        super("The request has invalid fields", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
