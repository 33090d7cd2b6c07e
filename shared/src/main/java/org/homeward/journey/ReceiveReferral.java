package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param fromOrganisationId for a Homeward referral, the organisation that made it, as the directory knows it */
public record ReceiveReferral(@TargetAggregateIdentifier UUID journeyId, LocalDate receivedOn,
                              ReferralReceived.Source source, UUID referralId, String fromOrganisationId,
                              Instant requestedAt, @TargetAggregateVersion Long expectedVersion)
        implements JourneyCommand {
}
