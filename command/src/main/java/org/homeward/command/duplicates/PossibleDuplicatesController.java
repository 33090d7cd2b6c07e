package org.homeward.command.duplicates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.homeward.access.Caller;
import org.homeward.command.CommandSender;
import org.homeward.command.Submission;
import org.homeward.journey.ConfirmSamePerson;
import org.homeward.journey.DismissPossibleDuplicate;
import org.homeward.refusal.NotVisibleException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervisors' list of possible duplicates, and their decision on each. On the command side because the index it
 * reads is kept there, in the commands' transaction, and the blind index must not be copied to the read side.
 */
@RestController
@Tag(name = "possible-duplicates")
@RequestMapping(value = "/api/v1/possible-duplicates", produces = MediaType.APPLICATION_JSON_VALUE)
class PossibleDuplicatesController {

    static final String ELSEWHERE = "possible duplicate in another organisation; ask a supervisor there";

    /** What a supervisor is told of their organisation's journeys that may be the same person's. */
    @Schema(name = "PossibleDuplicates")
    record Answer(List<PossibleDuplicates.Pair> inOrganisation, List<Elsewhere> inOtherOrganisations) {
    }

    /** One of the organisation's own journeys; of the other side nothing is said, not even which organisation. */
    @Schema(name = "PossibleDuplicateElsewhere")
    record Elsewhere(UUID journeyId, String advice) {
    }

    /** @param version and {@code otherVersion}: each journey's new version, for reading its timeline */
    @Schema(name = "PossibleDuplicateDecided")
    record Decided(UUID possibleDuplicateId, UUID journeyId, long version, UUID otherJourneyId, long otherVersion) {
    }

    private final PossibleDuplicates duplicates;
    private final CommandSender commands;

    PossibleDuplicatesController(PossibleDuplicates duplicates, CommandSender commands) {
        this.duplicates = duplicates;
        this.commands = commands;
    }

    @Operation(summary = "List the possible duplicates of the organisation (supervisors only)")
    @ApiResponse(responseCode = "200", description = "Pairs of the organisation's journeys to decide on, and the "
                                                     + "journeys that may also have one in another organisation")
    @GetMapping
    Answer possibleDuplicates(Submission submission) {
        String organisationId = submission.caller().organisationId();
        return new Answer(duplicates.pending(organisationId),
                          duplicates.inOtherOrganisations(organisationId).stream()
                                    .map(journeyId -> new Elsewhere(journeyId, ELSEWHERE)).toList());
    }

    @Operation(summary = "Confirm that the two journeys are the same person's, linking them (supervisors only)")
    @ApiResponse(responseCode = "200", description = "Confirmed: each journey's timeline shows the other")
    @PostMapping("/{possibleDuplicateId}/confirmation")
    ResponseEntity<Decided> confirmSamePerson(@PathVariable UUID possibleDuplicateId, Submission submission) {
        return decide(possibleDuplicateId, submission,
                      (journey, other) -> new ConfirmSamePerson(journey, other, submission.caller().userId()));
    }

    @Operation(summary = "Dismiss a possible duplicate: the two journeys are not the same person's "
                         + "(supervisors only)")
    @ApiResponse(responseCode = "200", description = "Dismissed: the pair is not raised again")
    @PostMapping("/{possibleDuplicateId}/dismissal")
    ResponseEntity<Decided> dismissPossibleDuplicate(@PathVariable UUID possibleDuplicateId,
                                                     Submission submission) {
        return decide(possibleDuplicateId, submission,
                      (journey, other) -> new DismissPossibleDuplicate(journey, other, submission.caller().userId()));
    }

    /**
     * The decision goes to each journey in turn, each in its own transaction, so that each can be retried on a
     * concurrent append as every command is. Should the second fail, the first holds it alone and the pair stays
     * listed: deciding the same again records nothing more on the first and completes the second. A pair that is
     * not one of the caller's organisation (erased, transferred away, or never there) is unknown; one decided the
     * other way is refused by the journeys; a retry with the same Idempotency-Key gets the first answer.
     */
    private ResponseEntity<Decided> decide(UUID possibleDuplicateId, Submission submission,
                                           BiFunction<UUID, UUID, Object> command) {
        Caller caller = submission.caller();
        PossibleDuplicates.Pair pair = duplicates.find(caller.organisationId(), possibleDuplicateId)
                                                 .orElseThrow(() -> new NotVisibleException(possibleDuplicateId));
        long version = commands.send(command.apply(pair.journeyId(), pair.otherJourneyId()), submission, null);
        long otherVersion = commands.send(command.apply(pair.otherJourneyId(), pair.journeyId()),
                                          submission.forAnotherCommand("the other journey"), null);
        return ResponseEntity.ok(new Decided(possibleDuplicateId, pair.journeyId(), version, pair.otherJourneyId(),
                                             otherVersion));
    }
}
