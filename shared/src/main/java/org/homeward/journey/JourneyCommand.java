package org.homeward.journey;

import java.util.UUID;

/**
 * Every command a journey decides on.
 */
public sealed interface JourneyCommand permits
        AssessReintegration,
        AssignCaseManager,
        CloseJourney,
        CompleteFollowUp,
        ConfirmSamePerson,
        CorrectMilestone,
        DismissPossibleDuplicate,
        ErasePersonalData,
        FlagRisk,
        GiveConsent,
        MakeReferral,
        MarkFollowUpMissed,
        OpenJourney,
        PartnerStep,
        ReceiveReferral,
        RecordMilestone,
        ReopenJourney,
        ResolveRiskFlag,
        RetractMilestone,
        RevokeReferral,
        ScheduleFollowUp,
        TransferJourney,
        WithdrawConsent {

    UUID journeyId();
}
