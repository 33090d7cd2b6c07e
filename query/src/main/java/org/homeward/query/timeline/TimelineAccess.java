package org.homeward.query.timeline;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.journey.Timeline;
import org.homeward.privacy.PersonKeyring;
import org.homeward.privacy.Sealed;
import org.homeward.refusal.NotVisibleException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may read a journey: its case manager, the supervisors of its organisation, and auditors, who see it with
 * every free-text field and personal detail masked. For the others, personal data sealed under the person's key
 * is opened at read time; after erasure the key is gone and it reads "[erased]". Decided on the journey as the
 * timeline knows it now, so a transfer moves the journey out of the old case manager's reach as soon as the
 * timeline has applied it.
 */
@Component
class TimelineAccess {

    /** Fields in which people write about the person; auditors never see them. */
    private static final Set<String> FREE_TEXT = Set.of("note", "reason", "retractionReason", "correctionReason",
                                                        "dropOutReason", "missedReason", "detail",
                                                        "resolutionReason", "overrideNote");
    /**
     * The fields that hold personal data, sealed under the person's key. Only these are opened: a value is never
     * taken for sealed data because of what it looks like, so an id that happens to start like ciphertext is
     * shown as it is.
     */
    private static final Set<String> PERSONAL = union(FREE_TEXT, Set.of("fullName", "phone", "email", "dateOfBirth"));
    private static final String MASK = "[masked]";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final PersonKeyring keyring;

    TimelineAccess(JdbcTemplate jdbc, JsonMapper json, PersonKeyring keyring) {
        this.jdbc = jdbc;
        this.json = json;
        this.keyring = keyring;
    }

    /**
     * Decides on the journey's owner as the timeline knows it now; a journey the timeline does not know (yet) is
     * visible to auditors only.
     *
     * @throws NotVisibleException when the caller may not read it
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
            throw new NotVisibleException(journeyId);
        }
    }

    /**
     * Refuses a journey the timeline knows to belong to others. One it does not know yet passes: it may be the
     * caller's own, just opened, which a read with {@code minVersion} waits for (and then decides on).
     *
     * @throws NotVisibleException when the caller may not read it
     */
    void requireNotOthers(Caller caller, UUID journeyId) {
        jdbc.query("select organisation_id, case_manager_id from timeline_journey where journey_id = ?",
                   (rs, row) -> {
                       requireMayRead(caller, journeyId, rs.getString(1), rs.getString(2));
                       return true;
                   },
                   journeyId);
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
            throw new NotVisibleException(journeyId);
        }
    }

    /**
     * An answer holding personal data. Serialised as its body; printed as nothing, because frameworks log the
     * values they write at debug level.
     */
    record PersonalAnswer(@JsonValue JsonNode body) {

        @Override
        public String toString() {
            return "PersonalAnswer[...]";
        }
    }

    /** The answer about one journey as this caller may see it. */
    PersonalAnswer asSeenBy(Caller caller, UUID journeyId, Object answer) {
        JsonNode tree = json.valueToTree(answer);
        if (caller.role() == Role.AUDITOR) {
            rewrite(tree, (field, text) -> PERSONAL.contains(field) ? MASK : text);
        } else {
            byte[] key = keyring.key(journeyId);
            rewrite(tree, (field, text) -> !PERSONAL.contains(field) ? text
                    : key == null ? TimelineProjection.ERASED : open(text, key, journeyId));
        }
        return new PersonalAnswer(tree);
    }

    private static String open(String text, byte[] key, UUID journeyId) {
        if (!Sealed.isSealed(text)) {
            return text;
        }
        return new Sealed(text).openTextOrUnreadable(key, journeyId);
    }

    private static Set<String> union(Set<String> some, Set<String> others) {
        Set<String> all = new HashSet<>(some);
        all.addAll(others);
        return Set.copyOf(all);
    }

    /** Replaces every text value of the tree by what {@code change} makes of it, given its field name. */
    private static void rewrite(JsonNode node, BiFunction<String, String, String> change) {
        if (node instanceof ObjectNode object) {
            for (String field : Set.copyOf(object.propertyNames())) {
                JsonNode value = object.get(field);
                if (value.isString()) {
                    object.put(field, change.apply(field, value.asString()));
                } else {
                    rewrite(value, change);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> rewrite(element, change));
        }
    }
}
