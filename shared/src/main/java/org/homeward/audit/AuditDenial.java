package org.homeward.audit;

import java.time.Instant;
import java.util.UUID;
import org.homeward.access.Role;

/** A refused request: who asked for what and was refused with which status. Ids and paths only. */
public record AuditDenial(UUID denialId, Instant deniedAt, String actorId, Role actorRole,
                          String actorOrganisationId, String method, String path, int status) {
}
