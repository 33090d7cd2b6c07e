package org.homeward.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Intake: opens a journey, with the consents the person gave at intake (none needing a named partner). */
public record OpenJourney(@TargetAggregateIdentifier UUID journeyId, String organisationId, String caseManagerId,
                          LocalDate intakeDate, Profile profile, PersonalDetails personalDetails,
                          Set<ConsentPurpose> consentGiven, String recordedBy, ReferredIn referredIn,
                          Instant requestedAt) implements JourneyCommand {

    /** Where the journey came from, when a referral opened it; null otherwise. */
    public record ReferredIn(LocalDate receivedOn, ReferralReceived.Source source, UUID referralId,
                             String fromOrganisationId) {
    }
}
