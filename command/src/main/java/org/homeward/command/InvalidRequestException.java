package org.homeward.command;

import java.util.List;

/** A request body that breaks its declared limits; names each bad field and why, never the value. */
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
