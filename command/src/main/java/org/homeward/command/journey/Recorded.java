package org.homeward.command.journey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** The answer to a recorded command: what was recorded and the journey version it produced. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Recorded(UUID journeyId, UUID milestoneId, long version) {

    String eTag() {
        return "\"" + version + "\"";
    }
}
