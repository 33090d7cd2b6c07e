package org.homeward.request;

import java.util.List;

/**
 * A request whose body or parameters break their declared limits; names each bad field and why, never the value,
 * which may be personal.
 */
public class InvalidRequestException extends RuntimeException {

    public record Problem(String field, String reason) {
    }

    private final List<Problem> problems;

    public InvalidRequestException(List<Problem> problems) {
        super("The request has invalid fields", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
