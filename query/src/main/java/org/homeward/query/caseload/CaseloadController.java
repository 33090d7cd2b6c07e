package org.homeward.query.caseload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.journey.Caseload;
import org.homeward.journey.FindCaseload;
import org.homeward.query.Answers;
import org.homeward.refusal.NotPermittedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case manager's open journeys, most urgent first, a page at a time: their own for a case manager, any case
 * manager's for a supervisor, always within the reader's own organisation.
 */
@RestController
@Tag(name = "journeys")
@RequestMapping("/api/v1/caseloads")
class CaseloadController {

    private final QueryGateway queries;

    CaseloadController(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * @param page 0 for the first page
     * @param size entries per page, 1 to 100; out of range is refused, never silently clamped
     */
    @Operation(summary = "A case manager's open journeys, overdue follow-ups first")
    @GetMapping("/{caseManagerId}")
    Caseload caseload(@PathVariable String caseManagerId, HttpServletRequest request,
                      @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
                      @RequestParam(defaultValue = "20") @Min(value = 1, message = "must be from 1 to 100")
                      @Max(value = 100, message = "must be from 1 to 100") int size) {
        Caller caller = Caller.onRequest(request::getAttribute);
        if (caller.role() == Role.CASE_MANAGER && !caller.userId().equals(caseManagerId)) {
            throw new NotPermittedException("A case manager reads their own caseload");
        }
        return Answers.ask(queries, new FindCaseload(caseManagerId, caller.organisationId(), page, size),
                           ResponseTypes.instanceOf(Caseload.class));
    }
}
