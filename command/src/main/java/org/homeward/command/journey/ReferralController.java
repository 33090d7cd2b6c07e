package org.homeward.command.journey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import org.homeward.command.CommandSender;
import org.homeward.command.Submission;
import org.homeward.journey.AcceptReferral;
import org.homeward.journey.CloseReferralUnmet;
import org.homeward.journey.CompleteReferral;
import org.homeward.journey.DeclineReferral;
import org.homeward.journey.PartnerStep;
import org.homeward.journey.ReferralState;
import org.homeward.journey.StartReferral;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner organisation's side of a referral made to it: its staff accept or decline it, start it, and
 * complete it with an outcome or close it unmet. Addressed by referral; the answer never names the journey nor
 * its version, which the partner is not to know. For anyone but the partner's case managers and supervisors the
 * referral does not exist (404).
 */
@RestController
@Tag(name = "referrals")
@RequestMapping(value = "/api/v1/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
class ReferralController {

    /** What the partner's step did to the referral. */
    record Answered(UUID referralId, ReferralState state) {
    }

    private final CommandSender commands;
    private final JourneyAccess access;
    private final Clock clock;

    ReferralController(CommandSender commands, JourneyAccess access, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.clock = clock;
    }

    @Operation(summary = "Accept a referral made to one's organisation")
    @ApiResponse(responseCode = "200", description = "Accepted")
    @PostMapping("/{referralId}/acceptance")
    Answered accept(@PathVariable UUID referralId, @RequestBody JourneyRequests.Acceptance request,
                    Submission submission) {
        return step(referralId, submission, request, ReferralState.ACCEPTED,
                    journeyId -> new AcceptReferral(journeyId, referralId, request.acceptedOn(), clock.instant()));
    }

    @Operation(summary = "Decline a referral made to one's organisation, with the reason")
    @ApiResponse(responseCode = "200", description = "Declined")
    @PostMapping("/{referralId}/decline")
    Answered decline(@PathVariable UUID referralId, @RequestBody JourneyRequests.Decline request,
                     Submission submission) {
        return step(referralId, submission, request, ReferralState.DECLINED,
                    journeyId -> new DeclineReferral(journeyId, referralId, request.declinedOn(), request.reason(),
                                                     clock.instant()));
    }

    @Operation(summary = "Record that the service asked for has started")
    @ApiResponse(responseCode = "200", description = "In progress")
    @PostMapping("/{referralId}/start")
    Answered start(@PathVariable UUID referralId, @RequestBody JourneyRequests.Start request,
                   Submission submission) {
        return step(referralId, submission, request, ReferralState.IN_PROGRESS,
                    journeyId -> new StartReferral(journeyId, referralId, request.startedOn(), clock.instant()));
    }

    @Operation(summary = "Complete a referral with its outcome")
    @ApiResponse(responseCode = "200", description = "Completed")
    @PostMapping("/{referralId}/completion")
    Answered complete(@PathVariable UUID referralId, @RequestBody JourneyRequests.Completion request,
                      Submission submission) {
        return step(referralId, submission, request, ReferralState.COMPLETED,
                    journeyId -> new CompleteReferral(journeyId, referralId, request.completedOn(),
                                                      request.outcome(), clock.instant()));
    }

    @Operation(summary = "Close a referral whose service could not be provided, with the reason")
    @ApiResponse(responseCode = "200", description = "Closed unmet")
    @PostMapping("/{referralId}/unmet-closure")
    Answered closeUnmet(@PathVariable UUID referralId, @RequestBody JourneyRequests.UnmetClosure request,
                        Submission submission) {
        return step(referralId, submission, request, ReferralState.CLOSED_UNMET,
                    journeyId -> new CloseReferralUnmet(journeyId, referralId, request.closedOn(), request.reason(),
                                                        clock.instant()));
    }

    private Answered step(UUID referralId, Submission submission, Object request, ReferralState state,
                          Function<UUID, PartnerStep> step) {
        UUID journeyId = access.requireMayAnswer(submission.caller(), referralId);
        commands.send(step.apply(journeyId), submission, request);
        return new Answered(referralId, state);
    }
}
