package org.homeward.access;

import java.util.HashMap;
import java.util.Map;

/**
 * Who recorded an event, through which request and channel. Travels as message metadata from each command to
 * the events it causes, next to Axon's own correlation and causation ids; the instant of recording is the
 * event's timestamp. Never carries personal data: ids and codes only.
 */
public record Provenance(String actorId, Role actorRole, String actorOrganisationId, String requestId,
                         String channel) {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String ACTOR_ORGANISATION_ID = "actorOrganisationId";
    public static final String REQUEST_ID = "requestId";
    public static final String CHANNEL = "channel";
    /** Axon's {@code MessageOriginProvider} keys */
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "traceId";

    public static final String[] KEYS = {ACTOR_ID, ACTOR_ROLE, ACTOR_ORGANISATION_ID, REQUEST_ID, CHANNEL};

    public Map<String, String> asMetaData() {
        Map<String, String> metaData = new HashMap<>();
        put(metaData, ACTOR_ID, actorId);
        put(metaData, ACTOR_ROLE, actorRole == null ? null : actorRole.name());
        put(metaData, ACTOR_ORGANISATION_ID, actorOrganisationId);
        put(metaData, REQUEST_ID, requestId);
        put(metaData, CHANNEL, channel);
        return metaData;
    }

    public static Provenance from(Map<String, ?> metaData) {
        Object role = metaData.get(ACTOR_ROLE);
        return new Provenance(text(metaData, ACTOR_ID), role == null ? null : Role.valueOf(role.toString()),
                              text(metaData, ACTOR_ORGANISATION_ID), text(metaData, REQUEST_ID),
                              text(metaData, CHANNEL));
    }

    private static void put(Map<String, String> metaData, String key, String value) {
        if (value != null) {
            metaData.put(key, value);
        }
    }

    private static String text(Map<String, ?> metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
