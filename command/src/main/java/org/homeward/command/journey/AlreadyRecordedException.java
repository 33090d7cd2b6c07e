package org.homeward.command.journey;

import org.homeward.command.RuleException;

import java.util.UUID;

/** An id that names something this journey already has: a milestone, follow-up or assessment. */
public class AlreadyRecordedException extends RuleException {

    public AlreadyRecordedException(String what, UUID id) {
        super("The journey already has " + what + " " + id);
    }
}
