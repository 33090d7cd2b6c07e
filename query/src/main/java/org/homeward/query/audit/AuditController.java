package org.homeward.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.homeward.audit.AuditEventPage;
import org.homeward.audit.AuditReadPage;
import org.homeward.audit.FindAuditEvents;
import org.homeward.audit.FindAuditReads;
import org.homeward.query.Answers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for auditors: who recorded what and when, who read which journey (refusals: access). */
@RestController
@Tag(name = "audit")
@RequestMapping("/api/v1/audit")
class AuditController {

    private final QueryGateway queries;

    AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    /** @param journeyId a journey's (or program's) id: its events only */
    @Operation(summary = "Events as recorded, newest first by default, filtered")
    @GetMapping("/events")
    AuditEventPage events(@RequestParam(required = false) UUID journeyId,
                                 @RequestParam(required = false) String actorId,
                                 @RequestParam(required = false) String organisationId,
                                 @RequestParam(required = false) String eventType,
                                 @RequestParam(required = false) Instant from,
                                 @RequestParam(required = false) Instant to,
                                 @RequestParam(defaultValue = "newest") @Pattern(regexp = "newest|oldest",
                                         message = "must be newest or oldest") String order,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return Answers.ask(queries,
                           new FindAuditEvents(journeyId == null ? null : journeyId.toString(), actorId,
                                               organisationId, eventType, from, to, order.equals("newest"), page,
                                               size),
                           ResponseTypes.instanceOf(AuditEventPage.class));
    }

    @Operation(summary = "Reads of personal data: who read which journey, when and why")
    @GetMapping("/reads")
    AuditReadPage reads(@RequestParam(required = false) UUID journeyId,
                               @RequestParam(required = false) String actorId,
                               @RequestParam(required = false) Instant from,
                               @RequestParam(required = false) Instant to,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return Answers.ask(queries, new FindAuditReads(journeyId, actorId, from, to, page, size),
                           ResponseTypes.instanceOf(AuditReadPage.class));
    }
}
