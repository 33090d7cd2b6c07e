package org.homeward.query.caseload;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.homeward.journey.Caseload;
import org.homeward.journey.FindCaseload;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case manager's open journeys, most urgent first. Paging limits are checked by Spring MVC's own method
 * validation, which answers 400 through the problem handler; a class-level {@code @Validated} would route the
 * check through an AOP proxy instead, whose ConstraintViolationException no handler maps to 400.
 */
@RestController
@RequestMapping("/api/v1/caseloads")
class CaseloadController {

    static final int LARGEST_PAGE = 100;

    private final QueryGateway queries;

    CaseloadController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{caseManagerId}")
    Caseload caseload(@PathVariable String caseManagerId,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(LARGEST_PAGE) int size) {
        try {
            return queries.query(new FindCaseload(caseManagerId, page, size),
                                 ResponseTypes.instanceOf(Caseload.class)).join();
        } catch (CompletionException e) {
            // the query bus wraps what the handler threw; callers care about the handler's own exception
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
