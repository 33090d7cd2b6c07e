package org.homeward.refusal;

import java.util.UUID;

/** The caller may not act on or read the journey or program; answered exactly like one that does not exist. */
public class NotVisibleException extends Refusal {

    public NotVisibleException(UUID id) {
        super(RefusalKind.NOT_VISIBLE, id + " is not visible to the caller");
    }
}
