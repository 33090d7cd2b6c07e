package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param consentOverride null unless a supervisor refers without the person's consent to share */
public record MakeReferral(@TargetAggregateIdentifier UUID journeyId, UUID referralId, String partnerOrganisationId,
                           ReferralService service, LocalDate madeOn, LocalDate dueOn, String note,
                           ReferralMade.ConsentOverride consentOverride, Instant requestedAt,
                           @TargetAggregateVersion Long expectedVersion) implements JourneyCommand {
}
