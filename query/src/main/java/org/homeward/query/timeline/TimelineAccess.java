package org.homeward.query.timeline;

import java.util.Set;
import java.util.UUID;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.journey.Timeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may read a journey: its case manager, the supervisors of its organisation, and auditors, who see it with
 * every free-text field masked. Decided on the journey as the timeline knows it now, so a transfer moves the
 * journey out of the old case manager's reach as soon as the timeline has applied it.
 */
@Component
class TimelineAccess {

    /** Fields in which people write about the person; auditors never see them. */
    private static final Set<String> FREE_TEXT = Set.of("note", "reason", "retractionReason", "correctionReason",
                                                        "dropOutReason", "missedReason");
    private static final String MASK = "[masked]";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    TimelineAccess(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Decides on the journey's owner as the timeline knows it now; a journey the timeline does not know (yet) is
     * visible to auditors only.
     *
     * @throws JourneyNotVisibleException when the caller may not read it
     */
    void requireMayRead(Caller caller, UUID journeyId) {
        boolean known = !jdbc.query("select organisation_id, case_manager_id from timeline_journey"
                                    + " where journey_id = ?",
                                    (rs, row) -> {
                                        requireMayRead(caller, journeyId, rs.getString(1), rs.getString(2));
                                        return true;
                                    },
                                    journeyId).isEmpty();
        if (!known && caller.role() != Role.AUDITOR) {
            throw new JourneyNotVisibleException(journeyId);
        }
    }

    /** Decides on the owner of a timeline just read, which is at least as new as the version the caller awaited. */
    void requireMayRead(Caller caller, Timeline timeline) {
        requireMayRead(caller, timeline.journeyId(), timeline.organisationId(), timeline.caseManagerId());
    }

    private static void requireMayRead(Caller caller, UUID journeyId, String organisationId, String caseManagerId) {
        boolean visible = caller.role() == Role.AUDITOR
                          || caller.organisationId().equals(organisationId)
                             && (caller.role() == Role.SUPERVISOR
                                 || caller.role() == Role.CASE_MANAGER && caller.userId().equals(caseManagerId));
        if (!visible) {
            throw new JourneyNotVisibleException(journeyId);
        }
    }

    /** The answer as this caller may see it. */
    Object asSeenBy(Caller caller, Object answer) {
        if (caller.role() != Role.AUDITOR) {
            return answer;
        }
        JsonNode tree = json.valueToTree(answer);
        mask(tree);
        return tree;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String field : Set.copyOf(object.propertyNames())) {
                JsonNode value = object.get(field);
                if (FREE_TEXT.contains(field) && value.isString()) {
                    object.put(field, MASK);
                } else {
                    mask(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(TimelineAccess::mask);
        }
    }
}
