package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseReferralUnmet(@TargetAggregateIdentifier UUID journeyId, UUID referralId, LocalDate closedOn,
                                 ReferralClosedUnmet.UnmetReason reason, Instant requestedAt)
        implements PartnerStep {

    @Override
    public LocalDate on() {
        return closedOn;
    }
}
