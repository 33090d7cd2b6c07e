package org.homeward.audit;

import java.time.Instant;
import java.util.UUID;
import org.homeward.access.Role;

/**
 * One read of a person's data: who read what of which journey, when, and why when they said.
 *
 * @param what        what was read, such as "timeline" or "history"
 * @param purposeNote what the reader added to the purpose; "[erased]" once the person's data is erased
 */
public record AuditRead(UUID readId, UUID journeyId, String actorId, Role actorRole, String actorOrganisationId,
                        Instant readAt, String what, ReadPurpose purpose, String purposeNote, String requestId) {
}
