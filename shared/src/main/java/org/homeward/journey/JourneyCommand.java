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
        MarkFollowUpMissed,
        OpenJourney,
        RecordMilestone,
        ReopenJourney,
        ResolveRiskFlag,
        RetractMilestone,
        ScheduleFollowUp,
        TransferJourney,
        WithdrawConsent {

    UUID journeyId();
}
