package org.homeward.command.journey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * The answer to a recorded command: what was recorded and the journey version it produced.
 *
 * @param possibleDuplicate at intake only: whether the person may already have a journey (in the organisation, or
 *                          in another where both enabled it); which one is for a supervisor to see
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Recorded(UUID journeyId, UUID milestoneId, UUID followUpId, UUID assessmentId, UUID flagId, UUID referralId,
                long version, Boolean possibleDuplicate) {

    Recorded(UUID journeyId, UUID milestoneId, UUID followUpId, UUID assessmentId, UUID flagId, UUID referralId,
             long version) {
        this(journeyId, milestoneId, followUpId, assessmentId, flagId, referralId, version, null);
    }

    static Recorded journey(UUID journeyId, long version) {
        return new Recorded(journeyId, null, null, null, null, null, version);
    }

    static Recorded opened(UUID journeyId, long version, boolean possibleDuplicate) {
        return new Recorded(journeyId, null, null, null, null, null, version, possibleDuplicate);
    }

    static Recorded milestone(UUID journeyId, UUID milestoneId, long version) {
        return new Recorded(journeyId, milestoneId, null, null, null, null, version);
    }

    static Recorded followUp(UUID journeyId, UUID followUpId, long version) {
        return new Recorded(journeyId, null, followUpId, null, null, null, version);
    }

    static Recorded assessment(UUID journeyId, UUID assessmentId, long version) {
        return new Recorded(journeyId, null, null, assessmentId, null, null, version);
    }

    static Recorded riskFlag(UUID journeyId, UUID flagId, long version) {
        return new Recorded(journeyId, null, null, null, flagId, null, version);
    }

    static Recorded referral(UUID journeyId, UUID referralId, long version) {
        return new Recorded(journeyId, null, null, null, null, referralId, version);
    }

    String eTag() {
        return "\"" + version + "\"";
    }
}
