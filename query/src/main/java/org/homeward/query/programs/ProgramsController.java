package org.homeward.query.programs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.homeward.program.FindPrograms;
import org.homeward.program.ProgramSummary;
import org.homeward.query.Answers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "programs")
@RequestMapping("/api/v1/programs")
class ProgramsController {

    private final QueryGateway queries;

    ProgramsController(QueryGateway queries) {
        this.queries = queries;
    }

    /** Active programs, of one organisation when given; retired ones too on request. */
    @Operation(summary = "Active programs, of one organisation when given; retired ones too on request")
    @GetMapping
    List<ProgramSummary> programs(@RequestParam(required = false) String organisationId,
                                  @RequestParam(defaultValue = "false") boolean includeRetired) {
        return Answers.ask(queries, new FindPrograms(organisationId, includeRetired),
                           ResponseTypes.multipleInstancesOf(ProgramSummary.class));
    }
}
