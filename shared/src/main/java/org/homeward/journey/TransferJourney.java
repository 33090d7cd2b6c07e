package org.homeward.journey;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Hands the journey to a case manager of another organisation. */
public record TransferJourney(@TargetAggregateIdentifier UUID journeyId, String organisationId,
                              String caseManagerId, String reason, @TargetAggregateVersion Long expectedVersion)
        implements JourneyCommand {
}
