package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeclineReferral(@TargetAggregateIdentifier UUID journeyId, UUID referralId, LocalDate declinedOn,
                              ReferralDeclined.DeclineReason reason, Instant requestedAt)
        implements PartnerStep {

    @Override
    public LocalDate on() {
        return declinedOn;
    }
}
