package org.homeward.journey;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A journey as a case manager reads it: milestones in the order they happened, corrections applied, retracted
 * milestones kept and marked, every earlier version of a corrected milestone listed; the consent in force, who
 * has had the case, follow-ups, the assessment trajectory, every closing and reopening, the risk flags, and the
 * other journeys of the same person, as a supervisor confirmed them.
 *
 * @param person             who the person is, sealed in the read model and opened for readers allowed to see it
 * @param personalDataErased the person was forgotten: their details and every free text are gone for good
 * @param version            sequence number of the last event of this journey the timeline reflects
 */
public record Timeline(UUID journeyId, String organisationId, String caseManagerId, LocalDate intakeDate,
                       Profile profile, PersonalDetails person, boolean personalDataErased, Status status, LocalDate closedOn, ClosureReason closureReason, long version,
                       List<Milestone> milestones, List<Consent> consents, List<FollowUp> followUps,
                       List<Assessment> assessments, List<CaseAssignment> caseHistory,
                       List<StatusChange> statusChanges, List<RiskFlag> riskFlags,
                       List<LinkedJourney> linkedJourneys) {

    public enum Status { OPEN, CLOSED }

    public record Milestone(UUID milestoneId, MilestoneType type, ReintegrationArea area, LocalDate occurredOn,
                            String note, UUID programId, MilestoneOutcome outcome, boolean retracted,
                            String retractionReason, List<Revision> revisions) {
    }

    /** One recorded state of a milestone, oldest first; the last one is the milestone as it stands. */
    public record Revision(long version, MilestoneType type, LocalDate occurredOn, String note, UUID programId,
                           MilestoneOutcome outcome, String correctionReason) {
    }

    /** @param partnerOrganisationId only for sharing with a partner */
    public record Consent(ConsentPurpose purpose, String partnerOrganisationId, boolean inForce, LocalDate givenOn,
                          LocalDate withdrawnOn, String recordedBy) {
    }

    public enum FollowUpStatus { SCHEDULED, COMPLETED, MISSED }

    /** @param overdue scheduled, and due before today */
    public record FollowUp(UUID followUpId, LocalDate dueOn, FollowUpPurpose purpose, FollowUpStatus status,
                           boolean overdue, LocalDate completedOn, String note, String missedReason) {
    }

    /** @param baseline the first assessment of the journey, which later ones are compared with */
    public record Assessment(UUID assessmentId, LocalDate assessedOn, String assessorId, ReintegrationScores scores,
                             boolean baseline) {
    }

    /**
     * @param detail           what the risk is; personal data
     * @param overdue          still open, and its review was due before today
     * @param resolutionReason why it no longer stands; personal data
     */
    public record RiskFlag(UUID flagId, RiskKind kind, LocalDate flaggedOn, LocalDate reviewOn, String detail,
                           boolean open, boolean overdue, LocalDate resolvedOn, String resolutionReason) {
    }

    /**
     * Another journey a supervisor confirmed to be the same person's; the other journey shows this one.
     *
     * @param version the version of this journey at which the link was recorded
     */
    public record LinkedJourney(UUID journeyId, String confirmedBy, long version) {
    }

    public enum AssignmentKind { INTAKE, ASSIGNED, TRANSFERRED }

    public record CaseAssignment(long version, AssignmentKind kind, String organisationId, String caseManagerId,
                                 String reason) {
    }

    public record StatusChange(long version, Status status, LocalDate changedOn, String reason, String note) {
    }
}
