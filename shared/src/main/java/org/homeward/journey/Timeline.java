package org.homeward.journey;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A journey as a case manager reads it: milestones in the order they happened, corrections applied, retracted
 * milestones kept and marked, every earlier version of a corrected milestone listed; the consent in force, who
 * has had the case, follow-ups, the assessment trajectory, every closing and reopening, the risk flags, the
 * referrals to partners and from outside, and the other journeys of the same person, as a supervisor confirmed them.
 *
 * @param person             who the person is, sealed in the read model and opened for readers allowed to see it
 * @param personalDataErased the person was forgotten: their details and every free text are gone for good
 * @param version            sequence number of the last event of this journey the timeline reflects
 */
public record Timeline(UUID journeyId, String organisationId, String caseManagerId, LocalDate intakeDate,
                       Profile profile, PersonalDetails person, boolean personalDataErased, Status status, LocalDate closedOn, ClosureReason closureReason, long version,
                       List<Milestone> milestones, List<Consent> consents, List<FollowUp> followUps,
                       List<Assessment> assessments, List<CaseAssignment> caseHistory,
                       List<StatusChange> statusChanges, List<RiskFlag> riskFlags, List<Referral> referrals,
                       List<ReferralIn> referralsReceived, List<LinkedJourney> linkedJourneys) {

    public enum Status { OPEN, CLOSED }

    public record Milestone(UUID milestoneId, MilestoneType type, ReintegrationArea area, LocalDate occurredOn,
                            String note, UUID programId, MilestoneOutcome outcome, boolean retracted,
                            String retractionReason, List<Revision> revisions) {
    }

    /** One recorded state of a milestone, oldest first; the last one is the milestone as it stands. */
    public record Revision(long version, MilestoneType type, LocalDate occurredOn, String note, UUID programId,
                           MilestoneOutcome outcome, String correctionReason) {
    }

    /**
     * @param partnerOrganisationId only for sharing with a partner
     * @param sharedDetails         for sharing with a partner: the contact details it may see
     */
    public record Consent(ConsentPurpose purpose, String partnerOrganisationId, boolean inForce, LocalDate givenOn,
                          LocalDate withdrawnOn, String recordedBy, Set<ContactDetail> sharedDetails) {
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
     * @param note           for the partner; personal data
     * @param overrideReason why a supervisor referred without the person's consent to share; null with consent
     * @param overrideNote   the supervisor's words on it; personal data
     * @param endedOn        the day it was declined, completed, closed unmet or revoked
     * @param endedBecause   the reason, outcome or cause that ended it, as its code
     */
    public record Referral(UUID referralId, String partnerOrganisationId, ReferralService service, LocalDate madeOn,
                           LocalDate dueOn, String note, ReferralMade.ConsentOverride.OverrideReason overrideReason,
                           String overrideNote, ReferralState state, LocalDate acceptedOn, LocalDate startedOn,
                           LocalDate endedOn, String endedBecause) {
    }

    /** Where the journey, or part of it, came from: see {@link ReferralReceived}. */
    public record ReferralIn(long version, LocalDate receivedOn, ReferralReceived.Source source, UUID referralId,
                             String fromOrganisationId) {
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
