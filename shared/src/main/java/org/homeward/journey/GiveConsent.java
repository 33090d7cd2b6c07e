package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * @param partnerOrganisationId the named partner, for {@link ConsentPurpose#SHARING_WITH_PARTNER} only
 * @param sharedDetails         the contact details the partner may see, for sharing only; never null
 */
public record GiveConsent(@TargetAggregateIdentifier UUID journeyId, ConsentPurpose purpose,
                          String partnerOrganisationId, Set<ContactDetail> sharedDetails, LocalDate givenOn,
                          String recordedBy, Instant requestedAt, @TargetAggregateVersion Long expectedVersion)
        implements JourneyCommand {
}
