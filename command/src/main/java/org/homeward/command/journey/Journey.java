package org.homeward.command.journey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;
import org.homeward.access.Caller;
import org.homeward.access.Provenance;
import org.homeward.access.Role;
import org.homeward.command.InvalidFieldException;
import org.homeward.journey.AssessReintegration;
import org.homeward.journey.AssignCaseManager;
import org.homeward.journey.CaseManagerAssigned;
import org.homeward.journey.CloseJourney;
import org.homeward.journey.CompleteFollowUp;
import org.homeward.journey.ConfirmSamePerson;
import org.homeward.journey.ConsentGiven;
import org.homeward.journey.ConsentPurpose;
import org.homeward.journey.ConsentWithdrawn;
import org.homeward.journey.CorrectMilestone;
import org.homeward.journey.DismissPossibleDuplicate;
import org.homeward.journey.ErasePersonalData;
import org.homeward.journey.FlagRisk;
import org.homeward.journey.FollowUpCompleted;
import org.homeward.journey.FollowUpMissed;
import org.homeward.journey.FollowUpScheduled;
import org.homeward.journey.GiveConsent;
import org.homeward.journey.JourneyClosed;
import org.homeward.journey.JourneyOpened;
import org.homeward.journey.JourneyReopened;
import org.homeward.journey.JourneyTransferred;
import org.homeward.journey.MarkFollowUpMissed;
import org.homeward.journey.MilestoneCorrected;
import org.homeward.journey.MilestoneOutcome;
import org.homeward.journey.MilestoneRecorded;
import org.homeward.journey.MilestoneRetracted;
import org.homeward.journey.MakeReferral;
import org.homeward.journey.MilestoneType;
import org.homeward.journey.OpenJourney;
import org.homeward.journey.PartnerStep;
import org.homeward.journey.PersonalDataErased;
import org.homeward.journey.AcceptReferral;
import org.homeward.journey.CloseReferralUnmet;
import org.homeward.journey.CompleteReferral;
import org.homeward.journey.DeclineReferral;
import org.homeward.journey.ReceiveReferral;
import org.homeward.journey.PossibleDuplicateDismissed;
import org.homeward.journey.RecordMilestone;
import org.homeward.journey.ReferralAccepted;
import org.homeward.journey.ReferralClosedUnmet;
import org.homeward.journey.ReferralCompleted;
import org.homeward.journey.ReferralDeclined;
import org.homeward.journey.ReferralMade;
import org.homeward.journey.ReferralReceived;
import org.homeward.journey.ReferralRevoked;
import org.homeward.journey.ReferralStarted;
import org.homeward.journey.ReferralState;
import org.homeward.journey.ReintegrationAssessed;
import org.homeward.journey.ReintegrationScores;
import org.homeward.journey.ReopenJourney;
import org.homeward.journey.ResolveRiskFlag;
import org.homeward.journey.RetractMilestone;
import org.homeward.journey.RevokeReferral;
import org.homeward.journey.RiskFlagResolved;
import org.homeward.journey.RiskFlagged;
import org.homeward.journey.SamePersonConfirmed;
import org.homeward.journey.ScheduleFollowUp;
import org.homeward.journey.StartReferral;
import org.homeward.journey.TransferJourney;
import org.homeward.journey.WithdrawConsent;
import org.homeward.program.ProgramStanding;
import org.homeward.refusal.NotPermittedException;
import org.homeward.refusal.NotVisibleException;

/**
 * One survivor's journey in one organisation. Command handlers decide and answer the journey's new version;
 * event-sourcing handlers are the only place state changes.
 */
@Aggregate(repository = "journeyRepository")
public class Journey {

    /**
     * A date is in the future only if it has not yet begun anywhere on Earth: the last time zone to reach a date
     * is UTC+14, so a case manager east of UTC can record what happened today before it is today in UTC.
     */
    private static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);

    private enum FollowUpState { PENDING, DONE }

    private record Consent(ConsentPurpose purpose, String partnerOrganisationId) {

        static Consent sharingWith(String partnerOrganisationId) {
            return new Consent(ConsentPurpose.SHARING_WITH_PARTNER, partnerOrganisationId);
        }
    }

    /** @param lastStepOn the day it was made, or of its last step since: no step is dated before it */
    private record Referral(String partnerOrganisationId, LocalDate lastStepOn, ReferralState state) {

        Referral now(ReferralState next, LocalDate on) {
            return new Referral(partnerOrganisationId, on, next);
        }
    }

    @AggregateIdentifier
    private UUID journeyId;
    private String organisationId;
    private String caseManagerId;
    private LocalDate intakeDate;
    private LocalDate closedOn;
    private LocalDate reopenedOn;
    private final Map<UUID, Boolean> milestoneRetracted = new HashMap<>();
    private final Set<Consent> consentsInForce = new HashSet<>();
    private final Map<UUID, FollowUpState> followUps = new HashMap<>();
    private final Set<UUID> assessments = new HashSet<>();
    /** risk flags raised, with the day each was raised; a resolved one is gone from {@link #openRiskFlags} */
    private final Map<UUID, LocalDate> riskFlags = new HashMap<>();
    private final Set<UUID> openRiskFlags = new HashSet<>();
    /** the Homeward referrals this journey received */
    private final Set<UUID> referralsReceived = new HashSet<>();
    /** in the order they were made, so a withdrawal revokes them in a stable order */
    private final Map<UUID, Referral> referrals = new LinkedHashMap<>();
    /** other journeys decided to be the same person's (true) or not (false) */
    private final Map<UUID, Boolean> samePerson = new HashMap<>();
    private boolean personalDataErased;
    private long version;

    protected Journey() {
        // required by Axon to source the aggregate from its events
    }

    /**
     * Who may record on which journey, decided by the journey itself from the caller in the command's metadata:
     * a case manager on the journeys assigned to them in their organisation, a supervisor on every journey of
     * their organisation, nobody else — not even when the caller is missing. Staff of a partner organisation may
     * send only the steps of a referral made to it. It runs before every command on an existing journey, before
     * any rule, so a refusal says nothing about the journey's state; which roles may record at all is decided
     * before, by the endpoint rules.
     *
     * @throws NotVisibleException as if the journey did not exist, so its existence is not revealed
     */
    @CommandHandlerInterceptor
    void requireMayRecord(CommandMessage<?> command) {
        Caller caller = caller(command.getMetaData());
        boolean allowed = command.getPayload() instanceof PartnerStep step
                ? referrals.containsKey(step.referralId())
                  && caller.staffOf(referrals.get(step.referralId()).partnerOrganisationId())
                : mayRecord(caller, organisationId, caseManagerId);
        if (!allowed) {
            throw new NotVisibleException(journeyId);
        }
    }

    @CommandHandler
    public Journey(OpenJourney command, MetaData metaData) {
        requireMayOpen(caller(metaData), command.organisationId(), command.caseManagerId());
        requireNotInFuture("intakeDate", command.intakeDate(), command.requestedAt());
        if (command.consentGiven().contains(ConsentPurpose.SHARING_WITH_PARTNER)) {
            throw new InvalidFieldException("consentGiven",
                                            "sharing with a partner names the partner; record it as its own consent");
        }
        OpenJourney.ReferredIn referredIn = command.referredIn();
        if (referredIn != null) {
            requireSoundReferralIn(referredIn.receivedOn(), referredIn.source(), referredIn.referralId(),
                                   command.requestedAt());
        }
        apply(new JourneyOpened(command.journeyId(), command.organisationId(), command.caseManagerId(),
                                command.intakeDate(), command.profile(), command.personalDetails(),
                                command.consentGiven(), command.recordedBy()));
        if (referredIn != null) {
            apply(new ReferralReceived(command.journeyId(), referredIn.receivedOn(), referredIn.source(),
                                       referredIn.referralId(), referredIn.fromOrganisationId()));
        }
    }

    /** A referral from outside joins an existing journey, keeping where it came from. */
    @CommandHandler
    public long handle(ReceiveReferral command) {
        requireOpen();
        requireSoundReferralIn(command.receivedOn(), command.source(), command.referralId(), command.requestedAt());
        if (command.referralId() != null && referralsReceived.contains(command.referralId())) {
            throw new AlreadyRecordedException("received referral", command.referralId());
        }
        apply(new ReferralReceived(journeyId, command.receivedOn(), command.source(), command.referralId(),
                                   command.fromOrganisationId()));
        return version;
    }

    @CommandHandler
    public long handle(RecordMilestone command) {
        requireOpen();
        if (milestoneRetracted.containsKey(command.milestoneId())) {
            throw new AlreadyRecordedException("milestone", command.milestoneId());
        }
        requireValidMilestone(command.type(), command.occurredOn(), command.program(), command.outcome(),
                              command.requestedAt());
        apply(new MilestoneRecorded(journeyId, command.milestoneId(), command.type(), command.occurredOn(),
                                    command.note(), programId(command.program()), outcomeOrNull(command.outcome())));
        return version;
    }

    @CommandHandler
    public long handle(CorrectMilestone command) {
        requireOpen();
        requireStanding(command.milestoneId());
        requireValidMilestone(command.type(), command.occurredOn(), command.program(), command.outcome(),
                              command.requestedAt());
        apply(new MilestoneCorrected(journeyId, command.milestoneId(), command.type(), command.occurredOn(),
                                     command.note(), programId(command.program()), outcomeOrNull(command.outcome()),
                                     command.reason()));
        return version;
    }

    @CommandHandler
    public long handle(RetractMilestone command) {
        requireOpen();
        requireStanding(command.milestoneId());
        apply(new MilestoneRetracted(journeyId, command.milestoneId(), command.reason()));
        return version;
    }

    @CommandHandler
    public long handle(CloseJourney command) {
        requireOpen();
        requireNotInFuture("closedOn", command.closedOn(), command.requestedAt());
        requireNotBeforeIntake("closedOn", command.closedOn());
        if (reopenedOn != null && command.closedOn().isBefore(reopenedOn)) {
            throw new InvalidFieldException("closedOn", "must not be before the day the journey was reopened");
        }
        apply(new JourneyClosed(journeyId, command.closedOn(), command.reason(), command.note()));
        return version;
    }

    @CommandHandler
    public long handle(ReopenJourney command) {
        if (closedOn == null) {
            throw new JourneyNotClosedException(journeyId);
        }
        requireNotInFuture("reopenedOn", command.reopenedOn(), command.requestedAt());
        if (command.reopenedOn().isBefore(closedOn)) {
            throw new InvalidFieldException("reopenedOn", "must not be before the day the journey was closed");
        }
        apply(new JourneyReopened(journeyId, command.reopenedOn(), command.reason()));
        return version;
    }

    @CommandHandler
    public long handle(GiveConsent command) {
        requireOpen();
        Consent consent = consent(command.purpose(), command.partnerOrganisationId());
        requireNotInFuture("givenOn", command.givenOn(), command.requestedAt());
        if (consentsInForce.contains(consent)) {
            throw new ConsentStateException(command.purpose(), true);
        }
        if (!command.sharedDetails().isEmpty() && command.purpose() != ConsentPurpose.SHARING_WITH_PARTNER) {
            throw new InvalidFieldException("sharedDetails", "are only for consent to sharing with a partner");
        }
        apply(new ConsentGiven(journeyId, command.purpose(), command.partnerOrganisationId(), command.givenOn(),
                               command.recordedBy(), command.sharedDetails()));
        return version;
    }

    /**
     * The one command a closed journey still accepts besides reopening: a person can take back consent at any
     * time, and a closed journey must stop counting for evaluation or sharing as soon as they do. Taking back
     * consent to share with a partner revokes that partner's open referrals in the same command, so nothing can
     * see the withdrawal without the revocations.
     */
    @CommandHandler
    public long handle(WithdrawConsent command) {
        Consent consent = consent(command.purpose(), command.partnerOrganisationId());
        requireNotInFuture("withdrawnOn", command.withdrawnOn(), command.requestedAt());
        if (!consentsInForce.contains(consent)) {
            throw new ConsentStateException(command.purpose(), false);
        }
        apply(new ConsentWithdrawn(journeyId, command.purpose(), command.partnerOrganisationId(),
                                   command.withdrawnOn(), command.recordedBy()));
        if (command.purpose() == ConsentPurpose.SHARING_WITH_PARTNER) {
            List.copyOf(referrals.entrySet()).stream()
                .filter(referral -> referral.getValue().state().open())
                .filter(referral -> referral.getValue().partnerOrganisationId().equals(command.partnerOrganisationId()))
                .forEach(referral -> apply(new ReferralRevoked(journeyId, referral.getKey(), command.withdrawnOn(),
                                                               ReferralRevoked.RevocationCause.CONSENT_WITHDRAWN)));
        }
        return version;
    }

    @CommandHandler
    public long handle(AssignCaseManager command) {
        requireOpen();
        if (command.caseManagerId().equals(caseManagerId)) {
            throw new AlreadyAssignedException();
        }
        apply(new CaseManagerAssigned(journeyId, command.caseManagerId(), caseManagerId, command.reason()));
        return version;
    }

    @CommandHandler
    public long handle(TransferJourney command) {
        requireOpen();
        if (command.organisationId().equals(organisationId)) {
            if (command.caseManagerId().equals(caseManagerId)) {
                throw new AlreadyAssignedException();
            }
            throw new InvalidFieldException("organisationId",
                                            "is the journey's own organisation; assign a case manager instead");
        }
        apply(new JourneyTransferred(journeyId, organisationId, command.organisationId(), command.caseManagerId(),
                                     command.reason()));
        return version;
    }

    @CommandHandler
    public long handle(ScheduleFollowUp command) {
        requireOpen();
        if (followUps.containsKey(command.followUpId())) {
            throw new AlreadyRecordedException("follow-up", command.followUpId());
        }
        requireNotBeforeIntake("dueOn", command.dueOn());
        apply(new FollowUpScheduled(journeyId, command.followUpId(), command.dueOn(), command.purpose()));
        return version;
    }

    @CommandHandler
    public long handle(CompleteFollowUp command) {
        requireOpen();
        requirePending(command.followUpId());
        requireNotInFuture("completedOn", command.completedOn(), command.requestedAt());
        requireNotBeforeIntake("completedOn", command.completedOn());
        apply(new FollowUpCompleted(journeyId, command.followUpId(), command.completedOn(), command.note()));
        return version;
    }

    @CommandHandler
    public long handle(MarkFollowUpMissed command) {
        requireOpen();
        requirePending(command.followUpId());
        apply(new FollowUpMissed(journeyId, command.followUpId(), command.reason()));
        return version;
    }

    @CommandHandler
    public long handle(AssessReintegration command) {
        requireOpen();
        if (assessments.contains(command.assessmentId())) {
            throw new AlreadyRecordedException("assessment", command.assessmentId());
        }
        requireNotInFuture("assessedOn", command.assessedOn(), command.requestedAt());
        requireNotBeforeIntake("assessedOn", command.assessedOn());
        requireOnScale("scores.economic", command.scores().economic());
        requireOnScale("scores.social", command.scores().social());
        requireOnScale("scores.psychosocial", command.scores().psychosocial());
        apply(new ReintegrationAssessed(journeyId, command.assessmentId(), command.assessedOn(),
                                        command.assessorId(), command.scores(), assessments.isEmpty()));
        return version;
    }

    @CommandHandler
    public long handle(FlagRisk command) {
        requireOpen();
        if (riskFlags.containsKey(command.flagId())) {
            throw new AlreadyRecordedException("risk flag", command.flagId());
        }
        requireNotInFuture("flaggedOn", command.flaggedOn(), command.requestedAt());
        requireNotBeforeIntake("flaggedOn", command.flaggedOn());
        if (command.reviewOn().isBefore(command.flaggedOn())) {
            throw new InvalidFieldException("reviewOn", "must not be before the day the risk was flagged");
        }
        apply(new RiskFlagged(journeyId, command.flagId(), command.kind(), command.flaggedOn(), command.reviewOn(),
                              command.detail()));
        return version;
    }

    @CommandHandler
    public long handle(ResolveRiskFlag command) {
        requireOpen();
        LocalDate flaggedOn = riskFlags.get(command.flagId());
        if (flaggedOn == null) {
            throw new UnknownRiskFlagException(command.flagId());
        }
        if (!openRiskFlags.contains(command.flagId())) {
            throw new RiskFlagResolvedException(command.flagId());
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidFieldException("reason", "is required: say why the risk no longer stands");
        }
        requireNotInFuture("resolvedOn", command.resolvedOn(), command.requestedAt());
        if (command.resolvedOn().isBefore(flaggedOn)) {
            throw new InvalidFieldException("resolvedOn", "must not be before the day the risk was flagged");
        }
        apply(new RiskFlagResolved(journeyId, command.flagId(), command.resolvedOn(), command.reason()));
        return version;
    }

    /**
     * Only while the person's consent to share with the partner is in force; without it, only a supervisor, with
     * a reason, as an override the audit trail shows.
     */
    @CommandHandler
    public long handle(MakeReferral command, MetaData metaData) {
        requireOpen();
        if (referrals.containsKey(command.referralId())) {
            throw new AlreadyRecordedException("referral", command.referralId());
        }
        if (command.partnerOrganisationId().equals(organisationId)) {
            throw new InvalidFieldException("partnerOrganisationId",
                                            "is the journey's own organisation; a referral goes to a partner");
        }
        requireNotInFuture("madeOn", command.madeOn(), command.requestedAt());
        requireNotBeforeIntake("madeOn", command.madeOn());
        if (command.dueOn().isBefore(command.madeOn())) {
            throw new InvalidFieldException("dueOn", "must not be before the day the referral is made");
        }
        boolean consented = consentsInForce.contains(Consent.sharingWith(command.partnerOrganisationId()));
        if (command.consentOverride() == null && !consented) {
            throw new ConsentRequiredException(command.partnerOrganisationId());
        }
        if (command.consentOverride() != null && consented) {
            throw new InvalidFieldException("consentOverride", "is not needed: the person's consent to share with"
                                                               + " the partner is in force");
        }
        if (command.consentOverride() != null && caller(metaData).role() != Role.SUPERVISOR) {
            throw new NotPermittedException("Only a supervisor may refer without the person's consent to share");
        }
        apply(new ReferralMade(journeyId, command.referralId(), organisationId, command.partnerOrganisationId(),
                               command.service(), command.madeOn(), command.dueOn(), command.note(),
                               command.consentOverride()));
        return version;
    }

    @CommandHandler
    public long handle(RevokeReferral command) {
        Referral referral = referral(command.referralId());
        requireStep(command.referralId(), referral, ReferralState.REVOKED, "revokedOn", command.revokedOn(),
                    command.requestedAt());
        apply(new ReferralRevoked(journeyId, command.referralId(), command.revokedOn(),
                                  ReferralRevoked.RevocationCause.REFERRING_SIDE));
        return version;
    }

    /** The partner's steps answer no journey version: the partner is never told anything of the journey. */
    @CommandHandler
    public void handle(AcceptReferral command) {
        requirePartnerStep(command, ReferralState.ACCEPTED);
        apply(new ReferralAccepted(journeyId, command.referralId(), command.acceptedOn()));
    }

    @CommandHandler
    public void handle(DeclineReferral command) {
        requirePartnerStep(command, ReferralState.DECLINED);
        apply(new ReferralDeclined(journeyId, command.referralId(), command.declinedOn(), command.reason()));
    }

    @CommandHandler
    public void handle(StartReferral command) {
        requirePartnerStep(command, ReferralState.IN_PROGRESS);
        apply(new ReferralStarted(journeyId, command.referralId(), command.startedOn()));
    }

    @CommandHandler
    public void handle(CompleteReferral command) {
        requirePartnerStep(command, ReferralState.COMPLETED);
        apply(new ReferralCompleted(journeyId, command.referralId(), command.completedOn(), command.outcome()));
    }

    @CommandHandler
    public void handle(CloseReferralUnmet command) {
        requirePartnerStep(command, ReferralState.CLOSED_UNMET);
        apply(new ReferralClosedUnmet(journeyId, command.referralId(), command.closedOn(), command.reason()));
    }

    /**
     * Allowed on a closed journey too: the person may come back years after their journey closed. Not on an
     * erased journey: linking it to another would say again who the forgotten person was. The same decision
     * again records nothing: it completes a decision the other journey of the pair did not record yet.
     */
    @CommandHandler
    public long handle(ConfirmSamePerson command, MetaData metaData) {
        requireSupervisor(metaData);
        if (alreadyDecided(command.otherJourneyId(), true)) {
            return version;
        }
        if (personalDataErased) {
            throw new PersonalDataErasedException(journeyId);
        }
        apply(new SamePersonConfirmed(journeyId, command.otherJourneyId(), command.confirmedBy()));
        return version;
    }

    /** Allowed on a closed or erased journey: saying two journeys are different people reveals no one. */
    @CommandHandler
    public long handle(DismissPossibleDuplicate command, MetaData metaData) {
        requireSupervisor(metaData);
        if (alreadyDecided(command.otherJourneyId(), false)) {
            return version;
        }
        apply(new PossibleDuplicateDismissed(journeyId, command.otherJourneyId(), command.dismissedBy()));
        return version;
    }

    /** Allowed on a closed journey too: the right to be forgotten does not wait for a case to reopen. */
    @CommandHandler
    public long handle(ErasePersonalData command) {
        if (personalDataErased) {
            throw new PersonalDataErasedException(journeyId);
        }
        requireNotInFuture("requestedOn", command.requestedOn(), command.requestedAt());
        apply(new PersonalDataErased(journeyId, command.requestedOn()));
        return version;
    }

    private void requireOpen() {
        if (closedOn != null) {
            throw new JourneyClosedException(journeyId);
        }
    }

    /** Supervisors see every journey of their organisation, so they alone can tell whether two are one person. */
    private static void requireSupervisor(MetaData metaData) {
        if (caller(metaData).role() != Role.SUPERVISOR) {
            throw new NotPermittedException("Supervisors decide whether two journeys are the same person's");
        }
    }

    /**
     * @return whether this very decision stands already
     * @throws PossibleDuplicateDecidedException when the opposite one does: a pair is decided once
     */
    private boolean alreadyDecided(UUID otherJourneyId, boolean same) {
        if (otherJourneyId.equals(journeyId)) {
            throw new InvalidFieldException("otherJourneyId", "is this journey; a journey is not its own duplicate");
        }
        Boolean decided = samePerson.get(otherJourneyId);
        if (decided != null && decided != same) {
            throw new PossibleDuplicateDecidedException(journeyId, otherJourneyId);
        }
        return decided != null;
    }

    private void requireStanding(UUID milestoneId) {
        Boolean retracted = milestoneRetracted.get(milestoneId);
        if (retracted == null) {
            throw new UnknownMilestoneException(milestoneId);
        }
        if (retracted) {
            throw new MilestoneRetractedException(milestoneId);
        }
    }

    private void requirePending(UUID followUpId) {
        FollowUpState state = followUps.get(followUpId);
        if (state == null) {
            throw new UnknownFollowUpException(followUpId);
        }
        if (state != FollowUpState.PENDING) {
            throw new FollowUpNotPendingException(followUpId);
        }
    }

    /** A Homeward referral is named by its id; one recorded by hand names none. */
    private static void requireSoundReferralIn(LocalDate receivedOn, ReferralReceived.Source source, UUID referralId,
                                               Instant now) {
        requireNotInFuture("receivedOn", receivedOn, now);
        boolean onHomeward = source == ReferralReceived.Source.HOMEWARD_REFERRAL;
        if (onHomeward && referralId == null) {
            throw new InvalidFieldException("referralId", "is required for a referral made on Homeward");
        }
        if (!onHomeward && referralId != null) {
            throw new InvalidFieldException("referralId", "is only for a referral made on Homeward");
        }
    }

    private Referral referral(UUID referralId) {
        Referral referral = referrals.get(referralId);
        if (referral == null) {
            throw new UnknownReferralException(referralId);
        }
        return referral;
    }

    private void requirePartnerStep(PartnerStep step, ReferralState next) {
        requireStep(step.referralId(), referrals.get(step.referralId()), next, dateField(step), step.on(),
                    step.requestedAt());
    }

    /** The referral's states and the steps between them, the one place they are written down. */
    private static void requireStep(UUID referralId, Referral referral, ReferralState next, String dateField,
                                    LocalDate on, Instant now) {
        boolean allowed = switch (next) {
            case ACCEPTED, DECLINED -> referral.state() == ReferralState.REQUESTED;
            case IN_PROGRESS -> referral.state() == ReferralState.ACCEPTED;
            case COMPLETED, CLOSED_UNMET -> referral.state() == ReferralState.ACCEPTED
                                            || referral.state() == ReferralState.IN_PROGRESS;
            case REVOKED -> referral.state().open();
            case REQUESTED -> false;
        };
        if (!allowed) {
            throw new ReferralStateException(referralId, referral.state());
        }
        requireNotInFuture(dateField, on, now);
        if (on.isBefore(referral.lastStepOn())) {
            throw new InvalidFieldException(dateField, "must not be before the referral was made or took its last"
                                                       + " step (" + referral.lastStepOn() + ")");
        }
    }

    /** The request field that carried the step's day, for the problem naming it. */
    private static String dateField(PartnerStep step) {
        if (step instanceof AcceptReferral) {
            return "acceptedOn";
        }
        if (step instanceof DeclineReferral) {
            return "declinedOn";
        }
        if (step instanceof StartReferral) {
            return "startedOn";
        }
        return step instanceof CompleteReferral ? "completedOn" : "closedOn";
    }

    private void requireValidMilestone(MilestoneType type, LocalDate occurredOn, ProgramStanding program,
                                       MilestoneOutcome outcome, Instant now) {
        requireNotInFuture("occurredOn", occurredOn, now);
        if (!type.mayPrecedeIntake()) {
            requireNotBeforeIntake("occurredOn", occurredOn);
        }
        if (program == null && type.needsProgram()) {
            throw new InvalidFieldException("programId", "is required for " + type);
        }
        if (program != null && !program.active()) {
            throw new ProgramNotUsableException(program.programId(), "is retired");
        }
        if (program != null && !program.organisationId().equals(organisationId)) {
            throw new ProgramNotUsableException(program.programId(), "belongs to another organisation");
        }
        requireOutcomeFits(type, outcome == null ? MilestoneOutcome.NONE : outcome);
    }

    private static void requireOutcomeFits(MilestoneType type, MilestoneOutcome outcome) {
        boolean employment = type.needs() == MilestoneType.Needs.EMPLOYMENT;
        boolean dropOut = type.needs() == MilestoneType.Needs.PROGRAM_AND_REASON;
        if (employment && outcome.employmentSector() == null) {
            throw new InvalidFieldException("outcome.employmentSector", "is required for " + type);
        }
        if (employment && outcome.regularIncome() == null) {
            throw new InvalidFieldException("outcome.regularIncome", "is required for " + type);
        }
        if (!employment && (outcome.employmentSector() != null || outcome.regularIncome() != null)) {
            throw new InvalidFieldException("outcome", "an employment outcome belongs to employment milestones only");
        }
        if (dropOut && (outcome.dropOutReason() == null || outcome.dropOutReason().isBlank())) {
            throw new InvalidFieldException("outcome.dropOutReason", "is required for " + type);
        }
        if (!dropOut && outcome.dropOutReason() != null) {
            throw new InvalidFieldException("outcome.dropOutReason", "belongs to drop-out milestones only");
        }
    }

    private static Consent consent(ConsentPurpose purpose, String partnerOrganisationId) {
        boolean sharing = purpose == ConsentPurpose.SHARING_WITH_PARTNER;
        if (sharing && partnerOrganisationId == null) {
            throw new InvalidFieldException("partnerOrganisationId", "is required to consent to sharing");
        }
        if (!sharing && partnerOrganisationId != null) {
            throw new InvalidFieldException("partnerOrganisationId", "is only for consent to sharing");
        }
        return new Consent(purpose, partnerOrganisationId);
    }

    private void requireNotBeforeIntake(String field, LocalDate date) {
        if (date.isBefore(intakeDate)) {
            throw new DateBeforeIntakeException(field);
        }
    }

    private static void requireNotInFuture(String field, LocalDate date, Instant now) {
        if (date.isAfter(LocalDate.ofInstant(now, LATEST_ZONE))) {
            throw new DateInFutureException(field);
        }
    }

    private static void requireOnScale(String field, int score) {
        if (score < ReintegrationScores.LOWEST || score > ReintegrationScores.HIGHEST) {
            throw new InvalidFieldException(field, "must be from " + ReintegrationScores.LOWEST + " to "
                                                   + ReintegrationScores.HIGHEST);
        }
    }

    private static UUID programId(ProgramStanding program) {
        return program == null ? null : program.programId();
    }

    private static MilestoneOutcome outcomeOrNull(MilestoneOutcome outcome) {
        return outcome == null || outcome.equals(MilestoneOutcome.NONE) ? null : outcome;
    }

    @EventSourcingHandler
    void on(JourneyOpened event, @SequenceNumber long sequenceNumber) {
        journeyId = event.journeyId();
        organisationId = event.organisationId();
        caseManagerId = event.caseManagerId();
        intakeDate = event.intakeDate();
        event.consentGiven().forEach(purpose -> consentsInForce.add(new Consent(purpose, null)));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MilestoneRecorded event, @SequenceNumber long sequenceNumber) {
        milestoneRetracted.put(event.milestoneId(), false);
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MilestoneCorrected event, @SequenceNumber long sequenceNumber) {
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(MilestoneRetracted event, @SequenceNumber long sequenceNumber) {
        milestoneRetracted.put(event.milestoneId(), true);
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(JourneyClosed event, @SequenceNumber long sequenceNumber) {
        closedOn = event.closedOn();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(JourneyReopened event, @SequenceNumber long sequenceNumber) {
        closedOn = null;
        reopenedOn = event.reopenedOn();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ConsentGiven event, @SequenceNumber long sequenceNumber) {
        consentsInForce.add(new Consent(event.purpose(), event.partnerOrganisationId()));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event, @SequenceNumber long sequenceNumber) {
        consentsInForce.remove(new Consent(event.purpose(), event.partnerOrganisationId()));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(CaseManagerAssigned event, @SequenceNumber long sequenceNumber) {
        caseManagerId = event.caseManagerId();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(JourneyTransferred event, @SequenceNumber long sequenceNumber) {
        organisationId = event.toOrganisationId();
        caseManagerId = event.caseManagerId();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(FollowUpScheduled event, @SequenceNumber long sequenceNumber) {
        followUps.put(event.followUpId(), FollowUpState.PENDING);
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(FollowUpCompleted event, @SequenceNumber long sequenceNumber) {
        followUps.put(event.followUpId(), FollowUpState.DONE);
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(FollowUpMissed event, @SequenceNumber long sequenceNumber) {
        followUps.put(event.followUpId(), FollowUpState.DONE);
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(PersonalDataErased event, @SequenceNumber long sequenceNumber) {
        personalDataErased = true;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ReintegrationAssessed event, @SequenceNumber long sequenceNumber) {
        assessments.add(event.assessmentId());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(RiskFlagged event, @SequenceNumber long sequenceNumber) {
        riskFlags.put(event.flagId(), event.flaggedOn());
        openRiskFlags.add(event.flagId());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(RiskFlagResolved event, @SequenceNumber long sequenceNumber) {
        openRiskFlags.remove(event.flagId());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ReferralMade event, @SequenceNumber long sequenceNumber) {
        referrals.put(event.referralId(), new Referral(event.partnerOrganisationId(), event.madeOn(),
                                                       ReferralState.REQUESTED));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(SamePersonConfirmed event, @SequenceNumber long sequenceNumber) {
        samePerson.put(event.otherJourneyId(), true);
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ReferralReceived event, @SequenceNumber long sequenceNumber) {
        if (event.referralId() != null) {
            referralsReceived.add(event.referralId());
        }
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ReferralAccepted event, @SequenceNumber long sequenceNumber) {
        referralNow(event.referralId(), ReferralState.ACCEPTED, event.acceptedOn(), sequenceNumber);
    }

    @EventSourcingHandler
    void on(ReferralDeclined event, @SequenceNumber long sequenceNumber) {
        referralNow(event.referralId(), ReferralState.DECLINED, event.declinedOn(), sequenceNumber);
    }

    @EventSourcingHandler
    void on(ReferralStarted event, @SequenceNumber long sequenceNumber) {
        referralNow(event.referralId(), ReferralState.IN_PROGRESS, event.startedOn(), sequenceNumber);
    }

    @EventSourcingHandler
    void on(ReferralCompleted event, @SequenceNumber long sequenceNumber) {
        referralNow(event.referralId(), ReferralState.COMPLETED, event.completedOn(), sequenceNumber);
    }

    @EventSourcingHandler
    void on(ReferralClosedUnmet event, @SequenceNumber long sequenceNumber) {
        referralNow(event.referralId(), ReferralState.CLOSED_UNMET, event.closedOn(), sequenceNumber);
    }

    @EventSourcingHandler
    void on(ReferralRevoked event, @SequenceNumber long sequenceNumber) {
        referralNow(event.referralId(), ReferralState.REVOKED, event.revokedOn(), sequenceNumber);
    }

    private void referralNow(UUID referralId, ReferralState state, LocalDate on, long sequenceNumber) {
        referrals.computeIfPresent(referralId, (id, referral) -> referral.now(state, on));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(PossibleDuplicateDismissed event, @SequenceNumber long sequenceNumber) {
        samePerson.put(event.otherJourneyId(), false);
        version = sequenceNumber;
    }

    /** The rule of who may record on a journey of {@code organisationId} assigned to {@code caseManagerId}. */
    static boolean mayRecord(Caller caller, String organisationId, String caseManagerId) {
        if (caller.userId() == null || !organisationId.equals(caller.organisationId())) {
            return false;
        }
        return caller.role() == Role.SUPERVISOR
               || caller.role() == Role.CASE_MANAGER && caller.userId().equals(caseManagerId);
    }

    static void requireMayOpen(Caller caller, String organisationId, String caseManagerId) {
        if (!mayRecord(caller, organisationId, caseManagerId)) {
            throw new NotPermittedException(caller.role() == Role.CASE_MANAGER
                    ? "A case manager opens journeys of their own organisation, assigned to themselves"
                    : "Journeys are opened in one's own organisation");
        }
    }

    private static Caller caller(MetaData metaData) {
        Provenance provenance = Provenance.from(metaData);
        return new Caller(provenance.actorId(), provenance.actorRole(), provenance.actorOrganisationId());
    }
}
