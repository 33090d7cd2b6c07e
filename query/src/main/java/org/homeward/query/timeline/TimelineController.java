package org.homeward.query.timeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.homeward.access.Caller;
import org.homeward.access.Ids;
import org.homeward.audit.ReadPurpose;
import org.homeward.journey.FindJourneyHistory;
import org.homeward.journey.FindTimeline;
import org.homeward.journey.FindTimelineAsOf;
import org.homeward.journey.JourneyHistory;
import org.homeward.journey.Timeline;
import org.homeward.query.Answers;
import org.homeward.query.audit.AuditReads;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's journey as case managers read it, and as auditors read it with free text masked. Every read is
 * recorded in the audit trail first.
 */
@RestController
@Tag(name = "journeys")
@RequestMapping("/api/v1/journeys")
class TimelineController {

    private final QueryGateway queries;
    private final AuditReads reads;
    private final TimelineAccess access;

    TimelineController(QueryGateway queries, AuditReads reads, TimelineAccess access) {
        this.queries = queries;
        this.reads = reads;
        this.access = access;
    }

    /**
     * @param minVersion a version the caller got from a command's answer; the read waits (bounded) until the
     *                   timeline includes it
     * @param asOf       the timeline exactly as it was known at that instant, rebuilt from the event store
     * @param purpose     why the reader reads, a code kept in the read audit
     * @param purposeNote what the reader adds to the purpose, kept sealed under the person's key
     */
    @Operation(summary = "A journey's timeline, optionally once it includes a version, or as known at an instant")
    @ApiResponse(responseCode = "200", description = "The timeline; personal fields opened for the caller, masked for"
                                                     + " auditors, or erased",
                 content = @Content(schema = @Schema(implementation = Timeline.class)))
    @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER, description = "Kept with the read in the read audit",
               schema = @Schema(type = "string", pattern = "^[A-Za-z0-9._:-]{1,64}$"))
    @GetMapping("/{journeyId}/timeline")
    ResponseEntity<TimelineAccess.PersonalAnswer> timeline(@PathVariable UUID journeyId,
                                      @RequestParam(defaultValue = "-1") long minVersion,
                                      @RequestParam(required = false) Instant asOf,
                                      @RequestParam(required = false) ReadPurpose purpose,
                                      @RequestParam(required = false) @Size(max = 500) String purposeNote,
                                      HttpServletRequest request) {
        Caller caller = recordRead(request, journeyId, asOf == null ? "timeline" : "timeline as of " + asOf,
                                   purpose, purposeNote);
        Timeline timeline;
        if (asOf == null) {
            // refused at once when the timeline already knows the journey to be someone else's: waiting for
            // minVersion first would keep a refused caller waiting, and tell by how long what the journey holds
            access.requireNotOthers(caller, journeyId);
            timeline = ask(new FindTimeline(journeyId, minVersion), Timeline.class);
            access.requireMayRead(caller, timeline);
        } else {
            access.requireMayRead(caller, journeyId);
            timeline = ask(new FindTimelineAsOf(journeyId, asOf), Timeline.class);
        }
        return ResponseEntity.ok().eTag("\"" + timeline.version() + "\"").body(access.asSeenBy(caller, journeyId, timeline));
    }

    /** Every change to the journey in recording order, with what each correction replaced. */
    @Operation(summary = "Every change to a journey in recording order, with what each correction replaced")
    @ApiResponse(responseCode = "200", description = "Every change in recording order",
                 content = @Content(schema = @Schema(implementation = JourneyHistory.class)))
    @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER, description = "Kept with the read in the read audit",
               schema = @Schema(type = "string", pattern = "^[A-Za-z0-9._:-]{1,64}$"))
    @GetMapping("/{journeyId}/history")
    TimelineAccess.PersonalAnswer history(@PathVariable UUID journeyId,
                   @RequestParam(required = false) ReadPurpose purpose,
                   @RequestParam(required = false) @Size(max = 500) String purposeNote,
                   HttpServletRequest request) {
        Caller caller = recordRead(request, journeyId, "history", purpose, purposeNote);
        access.requireMayRead(caller, journeyId);
        return access.asSeenBy(caller, journeyId,
                               ask(new FindJourneyHistory(journeyId), JourneyHistory.class));
    }

    /** Records the read, refused ones included, before anything is returned; answers who reads. */
    private Caller recordRead(HttpServletRequest request, UUID journeyId, String what, ReadPurpose purpose,
                              String purposeNote) {
        Caller caller = Caller.onRequest(request::getAttribute);
        String requestId = request.getHeader("X-Request-Id");
        reads.record(caller, journeyId, what, purpose, purposeNote,
                     requestId != null && requestId.matches(Ids.TOKEN) ? requestId : null);
        return caller;
    }

    private <R> R ask(Object query, Class<R> answer) {
        return Answers.ask(queries, query, ResponseTypes.instanceOf(answer));
    }
}
