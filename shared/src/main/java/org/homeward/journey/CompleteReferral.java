package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteReferral(@TargetAggregateIdentifier UUID journeyId, UUID referralId, LocalDate completedOn,
                               ReferralCompleted.ReferralOutcome outcome, Instant requestedAt)
        implements PartnerStep {

    @Override
    public LocalDate on() {
        return completedOn;
    }
}
