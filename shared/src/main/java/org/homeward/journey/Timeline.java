package org.homeward.journey;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A journey as a case manager reads it: milestones in the order they happened, corrections applied, retracted
 * milestones kept and marked, and every earlier version of a corrected milestone listed.
 *
 * @param version sequence number of the last event of this journey the timeline reflects
 */
public record Timeline(UUID journeyId, String organisationId, String caseManagerId, LocalDate intakeDate,
                       Profile profile, Status status, LocalDate closedOn, ClosureReason closureReason, long version,
                       List<Milestone> milestones) {

    public enum Status { OPEN, CLOSED }

    public record Milestone(UUID milestoneId, MilestoneType type, ReintegrationArea area, LocalDate occurredOn,
                            String note, boolean retracted, String retractionReason, List<Revision> revisions) {
    }

    /** One recorded state of a milestone, oldest first; the last one is the milestone as it stands. */
    public record Revision(long version, MilestoneType type, LocalDate occurredOn, String note,
                           String correctionReason) {
    }
}
