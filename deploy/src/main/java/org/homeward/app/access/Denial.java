package org.homeward.app.access;

import java.time.Instant;
import java.util.UUID;
import org.homeward.access.Role;

/** A signed-in caller's refused request: who asked for which route and was refused with which status. */
public record Denial(UUID denialId, Instant deniedAt, String actorId, Role actorRole, String actorOrganisationId,
                     String method, String path, int status) {
}
