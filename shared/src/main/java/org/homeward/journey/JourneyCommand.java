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
        CorrectMilestone,
        ErasePersonalData,
        GiveConsent,
        MarkFollowUpMissed,
        OpenJourney,
        RecordMilestone,
        ReopenJourney,
        RetractMilestone,
        ScheduleFollowUp,
        TransferJourney,
        WithdrawConsent {

    UUID journeyId();
}
