package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartReferral(@TargetAggregateIdentifier UUID journeyId, UUID referralId, LocalDate startedOn,
                            Instant requestedAt)
        implements PartnerStep {

    @Override
    public LocalDate on() {
        return startedOn;
    }
}
