package org.homeward.command.journey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.homeward.command.CommandSender;
import org.homeward.command.InvalidFieldException;
import org.homeward.command.Submission;
import org.homeward.command.duplicates.PossibleDuplicates;
import org.homeward.command.privacy.PersonKeys;
import org.homeward.command.program.ProgramCatalogue;
import org.homeward.journey.AssessReintegration;
import org.homeward.journey.AssignCaseManager;
import org.homeward.journey.CloseJourney;
import org.homeward.journey.CompleteFollowUp;
import org.homeward.journey.CorrectMilestone;
import org.homeward.journey.ErasePersonalData;
import org.homeward.journey.FlagRisk;
import org.homeward.journey.GiveConsent;
import org.homeward.journey.MakeReferral;
import org.homeward.journey.MarkFollowUpMissed;
import org.homeward.journey.MilestoneOutcome;
import org.homeward.journey.OpenJourney;
import org.homeward.journey.PersonalDetails;
import org.homeward.journey.Profile;
import org.homeward.journey.ReceiveReferral;
import org.homeward.journey.RecordMilestone;
import org.homeward.journey.ReferralMade;
import org.homeward.journey.ReferralReceived;
import org.homeward.journey.ReintegrationScores;
import org.homeward.journey.ReopenJourney;
import org.homeward.journey.ResolveRiskFlag;
import org.homeward.journey.RetractMilestone;
import org.homeward.journey.RevokeReferral;
import org.homeward.journey.ScheduleFollowUp;
import org.homeward.journey.TransferJourney;
import org.homeward.journey.WithdrawConsent;
import org.homeward.program.ProgramStanding;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records what happens in a journey. Every answer carries the journey's new version (body and ETag): a client
 * passes it back as {@code minVersion} to read a timeline that includes its write, and as {@code If-Match} to
 * refuse a change if someone else changed the journey since. Every POST accepts an {@code Idempotency-Key}.
 */
@RestController
@Tag(name = "journeys")
// produces: a request whose answer cannot be written is refused (406) before its command is sent
@RequestMapping(value = "/api/v1/journeys", produces = MediaType.APPLICATION_JSON_VALUE)
class JourneyController {

    private final CommandSender commands;
    private final JourneyAccess access;
    private final ProgramCatalogue programs;
    private final PersonKeys keys;
    private final PossibleDuplicates duplicates;
    private final Clock clock;

    JourneyController(CommandSender commands, JourneyAccess access, ProgramCatalogue programs, PersonKeys keys,
                      PossibleDuplicates duplicates, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.programs = programs;
        this.keys = keys;
        this.duplicates = duplicates;
        this.clock = clock;
    }

    /**
     * The answer says whether the person may already have a journey, never which: a case manager may not see the
     * others' journeys; a supervisor finds the pair among the possible duplicates.
     */
    @Operation(summary = "Open a journey at intake")
    @ApiResponse(responseCode = "201", description = "Opened; Location is its timeline; possibleDuplicate: ask a "
                                                     + "supervisor")
    @PostMapping
    ResponseEntity<Recorded> open(@RequestBody JourneyRequests.Open request, Submission submission) {
        access.requireMayOpen(submission.caller(), request.organisationId(), request.caseManagerId());
        UUID journeyId = submission.newId("journey");
        keys.create(journeyId);
        JourneyRequests.Profile p = request.profile();
        commands.send(new OpenJourney(journeyId, request.organisationId(), request.caseManagerId(),
                                      request.intakeDate(),
                                      new Profile(p.ageBand(), p.gender(), p.nationality(), p.formOfExploitation()),
                                      person(journeyId, request.person()), request.consents(),
                                      submission.caller().userId(),
                                      referredIn(request.referredIn(), request.organisationId()), clock.instant()),
                      submission, request);
        // opening from a referral records where it came from as the journey's second event, in the same command
        long version = request.referredIn() == null ? 0 : 1;
        return created(Recorded.opened(journeyId, version, duplicates.possibleDuplicate(journeyId)));
    }

    @Operation(summary = "Record a milestone")
    @ApiResponse(responseCode = "201", description = "Recorded; the answer names the new milestone")
    @PostMapping("/{journeyId}/milestones")
    ResponseEntity<Recorded> recordMilestone(@PathVariable UUID journeyId,
                                             @RequestBody JourneyRequests.Milestone request,
                                             Submission submission) {
        UUID milestoneId = submission.newId("milestone");
        long version = record(journeyId, submission, request,
                () -> new RecordMilestone(journeyId, milestoneId, request.type(),
                          request.occurredOn(), seal(journeyId, request.note()),
                          program(request.programId()),
                          outcome(journeyId, request.outcome()),
                          clock.instant(), submission.expectedVersion()));
        return created(Recorded.milestone(journeyId, milestoneId, version));
    }

    @Operation(summary = "Correct a recorded milestone")
    @ApiResponse(responseCode = "200", description = "Corrected")
    @PostMapping("/{journeyId}/milestones/{milestoneId}/corrections")
    ResponseEntity<Recorded> correctMilestone(@PathVariable UUID journeyId, @PathVariable UUID milestoneId,
                                              @RequestBody JourneyRequests.Correction request,
                                              Submission submission) {
        long version = record(journeyId, submission, request,
                () -> new CorrectMilestone(journeyId, milestoneId, request.type(),
                          request.occurredOn(), seal(journeyId, request.note()),
                          program(request.programId()),
                          outcome(journeyId, request.outcome()),
                          seal(journeyId, request.reason()), clock.instant(),
                          submission.expectedVersion()));
        return ok(Recorded.milestone(journeyId, milestoneId, version));
    }

    @Operation(summary = "Retract a milestone that should never have been recorded")
    @ApiResponse(responseCode = "200", description = "Retracted; it stays visible, marked")
    @PostMapping("/{journeyId}/milestones/{milestoneId}/retraction")
    ResponseEntity<Recorded> retractMilestone(@PathVariable UUID journeyId, @PathVariable UUID milestoneId,
                                              @RequestBody JourneyRequests.Retraction request,
                                              Submission submission) {
        long version = record(journeyId, submission, request,
                () -> new RetractMilestone(journeyId, milestoneId,
                          seal(journeyId, request.reason()),
                          submission.expectedVersion()));
        return ok(Recorded.milestone(journeyId, milestoneId, version));
    }

    @Operation(summary = "Close the journey")
    @ApiResponse(responseCode = "200", description = "Closed")
    @PostMapping("/{journeyId}/closure")
    ResponseEntity<Recorded> close(@PathVariable UUID journeyId, @RequestBody JourneyRequests.Closure request,
                                   Submission submission) {
        long version = record(journeyId, submission, request,
                () -> new CloseJourney(journeyId, request.closedOn(), request.reason(),
                          seal(journeyId, request.note()), clock.instant(),
                          submission.expectedVersion()));
        return ok(Recorded.journey(journeyId, version));
    }

    @Operation(summary = "Reopen a closed journey")
    @ApiResponse(responseCode = "200", description = "Reopened")
    @PostMapping("/{journeyId}/reopening")
    ResponseEntity<Recorded> reopen(@PathVariable UUID journeyId,
                                    @RequestBody JourneyRequests.Reopening request, Submission submission) {
        long version = record(journeyId, submission, request,
                () -> new ReopenJourney(journeyId, request.reopenedOn(),
                          seal(journeyId, request.reason()),
                          clock.instant(), submission.expectedVersion()));
        return ok(Recorded.journey(journeyId, version));
    }

    @Operation(summary = "Record a consent given")
    @ApiResponse(responseCode = "200", description = "Recorded")
    @PostMapping("/{journeyId}/consents")
    ResponseEntity<Recorded> giveConsent(@PathVariable UUID journeyId,
                                         @RequestBody JourneyRequests.Consent request, Submission submission) {
        long version = record(journeyId, submission, request,
                () -> new GiveConsent(journeyId, request.purpose(), request.partnerOrganisationId(),
                          request.details(), request.decidedOn(), submission.caller().userId(), clock.instant(),
                          submission.expectedVersion()));
        return ok(Recorded.journey(journeyId, version));
    }

    @Operation(summary = "Record a consent withdrawn; withdrawing sharing revokes the partner's open referrals")
    @ApiResponse(responseCode = "200", description = "Recorded")
    @PostMapping("/{journeyId}/consent-withdrawals")
    ResponseEntity<Recorded> withdrawConsent(@PathVariable UUID journeyId,
                                             @RequestBody JourneyRequests.ConsentWithdrawal request,
                                             Submission submission) {
        long version = record(journeyId, submission, request,
                () -> new WithdrawConsent(journeyId, request.purpose(),
                          request.partnerOrganisationId(), request.decidedOn(),
                          submission.caller().userId(), clock.instant(),
                          submission.expectedVersion()));
        return ok(Recorded.journey(journeyId, version));
    }

    @Operation(summary = "Assign another case manager of the same organisation")
    @ApiResponse(responseCode = "200", description = "Assigned")
    @PostMapping("/{journeyId}/assignment")
    ResponseEntity<Recorded> assign(@PathVariable UUID journeyId,
                                    @RequestBody JourneyRequests.Assignment request, Submission submission) {
        long version = record(journeyId, submission, request,
                () -> new AssignCaseManager(journeyId, request.caseManagerId(),
                          seal(journeyId, request.reason()),
                          submission.expectedVersion()));
        return ok(Recorded.journey(journeyId, version));
    }

    @Operation(summary = "Transfer the journey to another organisation")
    @ApiResponse(responseCode = "200", description = "Transferred")
    @PostMapping("/{journeyId}/transfer")
    ResponseEntity<Recorded> transfer(@PathVariable UUID journeyId,
                                      @RequestBody JourneyRequests.Transfer request, Submission submission) {
        long version = record(journeyId, submission, request,
                () -> new TransferJourney(journeyId, request.organisationId(),
                          request.caseManagerId(), seal(journeyId, request.reason()),
                          submission.expectedVersion()));
        return ok(Recorded.journey(journeyId, version));
    }

    @Operation(summary = "Schedule a follow-up")
    @ApiResponse(responseCode = "201", description = "Scheduled; the answer names the new follow-up")
    @PostMapping("/{journeyId}/follow-ups")
    ResponseEntity<Recorded> scheduleFollowUp(@PathVariable UUID journeyId,
                                              @RequestBody JourneyRequests.FollowUp request,
                                              Submission submission) {
        UUID followUpId = submission.newId("follow-up");
        long version = record(journeyId, submission, request,
                () -> new ScheduleFollowUp(journeyId, followUpId, request.dueOn(), request.purpose(),
                          submission.expectedVersion()));
        return created(Recorded.followUp(journeyId, followUpId, version));
    }

    @Operation(summary = "Record that a follow-up took place")
    @ApiResponse(responseCode = "200", description = "Recorded")
    @PostMapping("/{journeyId}/follow-ups/{followUpId}/completion")
    ResponseEntity<Recorded> completeFollowUp(@PathVariable UUID journeyId, @PathVariable UUID followUpId,
                                              @RequestBody JourneyRequests.FollowUpCompletion request,
                                              Submission submission) {
        long version = record(journeyId, submission, request,
                () -> new CompleteFollowUp(journeyId, followUpId, request.completedOn(),
                          seal(journeyId, request.note()), clock.instant(),
                          submission.expectedVersion()));
        return ok(Recorded.followUp(journeyId, followUpId, version));
    }

    @Operation(summary = "Record that a follow-up did not take place")
    @ApiResponse(responseCode = "200", description = "Recorded")
    @PostMapping("/{journeyId}/follow-ups/{followUpId}/missed")
    ResponseEntity<Recorded> markFollowUpMissed(@PathVariable UUID journeyId, @PathVariable UUID followUpId,
                                                @RequestBody JourneyRequests.FollowUpMissed request,
                                                Submission submission) {
        long version = record(journeyId, submission, request,
                () -> new MarkFollowUpMissed(journeyId, followUpId,
                          seal(journeyId, request.reason()),
                          submission.expectedVersion()));
        return ok(Recorded.followUp(journeyId, followUpId, version));
    }

    @Operation(summary = "Flag a risk to the person, with a day to review it")
    @ApiResponse(responseCode = "201", description = "Flagged; the answer names the new flag")
    @PostMapping("/{journeyId}/risk-flags")
    ResponseEntity<Recorded> flagRisk(@PathVariable UUID journeyId, @RequestBody JourneyRequests.RiskFlag request,
                                      Submission submission) {
        UUID flagId = submission.newId("risk-flag");
        long version = record(journeyId, submission, request,
                () -> new FlagRisk(journeyId, flagId, request.kind(), request.flaggedOn(), request.reviewOn(),
                          seal(journeyId, request.detail()), clock.instant(), submission.expectedVersion()));
        return created(Recorded.riskFlag(journeyId, flagId, version));
    }

    @Operation(summary = "Resolve a risk flag, saying why the risk no longer stands")
    @ApiResponse(responseCode = "200", description = "Resolved")
    @PostMapping("/{journeyId}/risk-flags/{flagId}/resolution")
    ResponseEntity<Recorded> resolveRiskFlag(@PathVariable UUID journeyId, @PathVariable UUID flagId,
                                             @RequestBody JourneyRequests.RiskFlagResolution request,
                                             Submission submission) {
        long version = record(journeyId, submission, request,
                () -> new ResolveRiskFlag(journeyId, flagId, request.resolvedOn(), seal(journeyId, request.reason()),
                          clock.instant(), submission.expectedVersion()));
        return ok(Recorded.riskFlag(journeyId, flagId, version));
    }

    @Operation(summary = "Refer the person to a partner organisation for a service",
               description = "Only while the person's consent to share with the partner is in force; otherwise a "
                             + "supervisor may refer with a consentOverride, which the audit trail lists")
    @ApiResponse(responseCode = "201", description = "Referred; the answer names the new referral")
    @PostMapping("/{journeyId}/referrals")
    ResponseEntity<Recorded> refer(@PathVariable UUID journeyId, @RequestBody JourneyRequests.Referral request,
                                   Submission submission) {
        UUID referralId = submission.newId("referral");
        long version = record(journeyId, submission, request,
                () -> new MakeReferral(journeyId, referralId, request.partnerOrganisationId(), request.service(),
                          request.madeOn(), request.dueOn(), seal(journeyId, request.note()),
                          consentOverride(journeyId, request.consentOverride()), clock.instant(),
                          submission.expectedVersion()));
        return created(Recorded.referral(journeyId, referralId, version));
    }

    @Operation(summary = "Record a referral received from outside on an existing journey, keeping its source")
    @ApiResponse(responseCode = "200", description = "Recorded")
    @PostMapping("/{journeyId}/referrals-received")
    ResponseEntity<Recorded> receiveReferral(@PathVariable UUID journeyId,
                                             @RequestBody JourneyRequests.ReferredIn request,
                                             Submission submission) {
        long version = record(journeyId, submission, request, () -> {
            OpenJourney.ReferredIn in = referredIn(request, access.organisationOf(journeyId));
            return new ReceiveReferral(journeyId, in.receivedOn(), in.source(), in.referralId(),
                                       in.fromOrganisationId(), clock.instant(), submission.expectedVersion());
        });
        return ok(Recorded.journey(journeyId, version));
    }

    @Operation(summary = "Revoke an open referral")
    @ApiResponse(responseCode = "200", description = "Revoked")
    @PostMapping("/{journeyId}/referrals/{referralId}/revocation")
    ResponseEntity<Recorded> revokeReferral(@PathVariable UUID journeyId, @PathVariable UUID referralId,
                                            @RequestBody JourneyRequests.Revocation request,
                                            Submission submission) {
        long version = record(journeyId, submission, request,
                () -> new RevokeReferral(journeyId, referralId, request.revokedOn(), clock.instant(),
                          submission.expectedVersion()));
        return ok(Recorded.referral(journeyId, referralId, version));
    }

    @Operation(summary = "Record a reintegration assessment")
    @ApiResponse(responseCode = "201", description = "Recorded; the answer names the new assessment")
    @PostMapping("/{journeyId}/assessments")
    ResponseEntity<Recorded> assess(@PathVariable UUID journeyId,
                                    @RequestBody JourneyRequests.Assessment request, Submission submission) {
        UUID assessmentId = submission.newId("assessment");
        JourneyRequests.Scores s = request.scores();
        long version = record(journeyId, submission, request,
                () -> new AssessReintegration(journeyId, assessmentId, request.assessedOn(),
                          request.assessorId(),
                          new ReintegrationScores(s.economic(), s.social(),
                          s.psychosocial()),
                          clock.instant(), submission.expectedVersion()));
        return created(Recorded.assessment(journeyId, assessmentId, version));
    }

    /** The person asked to be forgotten; supervisors only. */
    @Operation(summary = "Erase the personal data of the journey (supervisors only)")
    @ApiResponse(responseCode = "200", description = "Erased: nothing written about the person can be read again")
    @PostMapping("/{journeyId}/erasure")
    ResponseEntity<Recorded> erase(@PathVariable UUID journeyId, @RequestBody JourneyRequests.Erasure request,
                                   Submission submission) {
        long version = record(journeyId, submission, request,
                () -> new ErasePersonalData(journeyId, request.requestedOn(), clock.instant()));
        return ok(Recorded.journey(journeyId, version));
    }

    private ProgramStanding program(UUID programId) {
        if (programId == null) {
            return null;
        }
        return programs.find(programId)
                       .orElseThrow(() -> new InvalidFieldException("programId", "names no known program"));
    }

    /** A Homeward referral's maker comes from the directory, never from the request. */
    private OpenJourney.ReferredIn referredIn(JourneyRequests.ReferredIn request, String receivingOrganisationId) {
        if (request == null) {
            return null;
        }
        if (request.source() != ReferralReceived.Source.HOMEWARD_REFERRAL || request.referralId() == null) {
            return new OpenJourney.ReferredIn(request.receivedOn(), request.source(), request.referralId(),
                                              request.fromOrganisationId());
        }
        if (request.fromOrganisationId() != null) {
            throw new InvalidFieldException("fromOrganisationId", "is known from the referral; leave it out");
        }
        return new OpenJourney.ReferredIn(request.receivedOn(), request.source(), request.referralId(),
                                          access.referringOrganisation(request.referralId(),
                                                                       receivingOrganisationId));
    }

    private ReferralMade.ConsentOverride consentOverride(UUID journeyId,
                                                         JourneyRequests.ConsentOverride consentOverride) {
        return consentOverride == null ? null
                                       : new ReferralMade.ConsentOverride(consentOverride.reason(),
                                                                          seal(journeyId, consentOverride.note()));
    }

    private MilestoneOutcome outcome(UUID journeyId, JourneyRequests.Outcome outcome) {
        return outcome == null ? null
                               : new MilestoneOutcome(outcome.employmentSector(), outcome.regularIncome(),
                                                      seal(journeyId, outcome.dropOutReason()));
    }

    /**
     * Every command on an existing journey takes this way: access is checked before anything is sealed under the
     * person's key or sent, so a caller who may not see the journey learns nothing of it, not even whether its
     * data was erased. The journey checks the same rule again when it decides.
     */
    private long record(UUID journeyId, Submission submission, Object request, Supplier<Object> command) {
        access.requireMayRecord(submission.caller(), journeyId);
        return commands.send(command.get(), submission, request);
    }

    private String seal(UUID journeyId, String text) {
        return keys.seal(journeyId, text);
    }

    private PersonalDetails person(UUID journeyId, JourneyRequests.Person person) {
        if (person == null) {
            return null;
        }
        return new PersonalDetails(seal(journeyId, person.fullName()), seal(journeyId, person.phone()),
                                   seal(journeyId, person.email()),
                                   seal(journeyId, person.dateOfBirth() == null ? null
                                                                               : person.dateOfBirth().toString()));
    }

    private static ResponseEntity<Recorded> created(Recorded recorded) {
        return ResponseEntity.created(URI.create("/api/v1/journeys/" + recorded.journeyId() + "/timeline"))
                             .eTag(recorded.eTag())
                             .body(recorded);
    }

    private static ResponseEntity<Recorded> ok(Recorded recorded) {
        return ResponseEntity.ok().eTag(recorded.eTag()).body(recorded);
    }
}
