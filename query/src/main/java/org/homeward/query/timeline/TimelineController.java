package org.homeward.query.timeline;

import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.homeward.journey.FindTimeline;
import org.homeward.journey.Timeline;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/journeys")
class TimelineController {

    private final QueryGateway queries;

    TimelineController(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * @param minVersion a version the caller got from a command's answer; the read waits (bounded) until the
     *                   timeline includes it
     */
    @GetMapping("/{journeyId}/timeline")
    ResponseEntity<Timeline> timeline(@PathVariable UUID journeyId,
                                      @RequestParam(defaultValue = "-1") long minVersion) {
        Timeline timeline = ask(new FindTimeline(journeyId, minVersion));
        return ResponseEntity.ok().eTag("\"" + timeline.version() + "\"").body(timeline);
    }

    private Timeline ask(FindTimeline query) {
        try {
            return queries.query(query, ResponseTypes.instanceOf(Timeline.class)).join();
        } catch (CompletionException e) {
            // the query bus wraps what the handler threw; callers care about the handler's own exception
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
