package org.homeward.audit;

import java.time.Instant;
import org.homeward.access.Role;

/**
 * One recorded event as an auditor sees it: what happened to which journey or program, who recorded it, when,
 * and through which request. Carries no payload, so no personal data.
 *
 * @param position   the event's place in the global order of the event store
 * @param causationId the message that caused it
 */
public record AuditEvent(long position, String eventId, String aggregateId, String aggregateType,
                         long sequenceNumber, String eventType, Instant recordedAt, String actorId, Role actorRole,
                         String actorOrganisationId, String correlationId, String causationId, String requestId,
                         String channel) {
}
