package org.homeward.journey;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One page of a case manager's open journeys, most urgent first: flagged journeys (an open risk flag) first, the
 * earliest review first, so that overdue reviews lead; then journeys with an overdue follow-up (the longest
 * overdue first), then those with a follow-up still to come (the soonest first), then those with none (the
 * earliest intake first).
 *
 * @param total the case manager's open journeys on all pages
 */
public record Caseload(String caseManagerId, int page, int size, long total, List<Entry> entries) {

    /**
     * @param phase         the area of the last milestone; null while no milestone stands
     * @param lastMilestone the standing milestone that happened last, as corrected; null while there is none
     * @param nextFollowUp  the scheduled follow-up due first; null while none is scheduled
     * @param overdue       the next follow-up was due before today
     * @param version       sequence number of the last event of the journey this entry reflects
     */
    public record Entry(UUID journeyId, String organisationId, LocalDate intakeDate, ReintegrationArea phase,
                        LastMilestone lastMilestone, NextFollowUp nextFollowUp, boolean overdue, long version,
                        RiskFlags riskFlags) {
    }

    /**
     * @param open         flags raised and not resolved; 0 when the journey is not flagged
     * @param nextReviewOn the earliest review of an open flag; null when none is open
     * @param overdue      that review was due before today
     */
    public record RiskFlags(int open, LocalDate nextReviewOn, boolean overdue) {
    }

    public record LastMilestone(UUID milestoneId, MilestoneType type, LocalDate occurredOn) {
    }

    public record NextFollowUp(UUID followUpId, LocalDate dueOn, FollowUpPurpose purpose) {
    }
}
