package org.homeward.refusal;

import java.util.List;

/**
 * A request whose body or parameters break their declared limits; names each bad field and why, never the value,
 * which may be personal.
 */
public class InvalidRequestException extends Refusal {

    public InvalidRequestException(List<Field> fields) {
        super(RefusalKind.INVALID_REQUEST, "The request has invalid fields", fields);
    }

    public InvalidRequestException(String field, String reason) {
        this(List.of(new Field(field, reason)));
    }
}
