package org.homeward.journey;

import java.util.UUID;

/**
 * Every event of a journey's life: the catalogue projections are checked against (each handles or
 * explicitly ignores every one). Stored under each record's own class name, as before this type existed.
 */
public sealed interface JourneyEvent permits
        CaseManagerAssigned,
        ConsentGiven,
        ConsentWithdrawn,
        FollowUpCompleted,
        FollowUpMissed,
        FollowUpScheduled,
        JourneyClosed,
        JourneyOpened,
        JourneyReopened,
        JourneyTransferred,
        MilestoneCorrected,
        MilestoneRecorded,
        MilestoneRetracted,
        PersonalDataErased,
        ReferralAccepted,
        ReferralClosedUnmet,
        ReferralCompleted,
        ReferralDeclined,
        ReferralMade,
        ReferralReceived,
        ReferralRevoked,
        ReferralStarted,
        PossibleDuplicateDismissed,
        ReintegrationAssessed,
        RiskFlagResolved,
        RiskFlagged,
        SamePersonConfirmed {

    UUID journeyId();
}
