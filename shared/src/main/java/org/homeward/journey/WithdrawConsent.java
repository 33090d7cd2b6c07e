package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record WithdrawConsent(@TargetAggregateIdentifier UUID journeyId, ConsentPurpose purpose,
                              String partnerOrganisationId, LocalDate withdrawnOn, String recordedBy,
                              Instant requestedAt, @TargetAggregateVersion Long expectedVersion)
        implements JourneyCommand {
}
