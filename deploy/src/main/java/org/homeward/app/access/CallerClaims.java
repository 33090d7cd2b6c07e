package org.homeward.app.access;

import java.util.Optional;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads who the caller is from a token: {@code sub} is the user id, {@code homeward_role} one of the
 * {@link Role} names and {@code homeward_organisation} the organisation id. Configure the identity provider
 * (e.g. Keycloak protocol mappers) to put these two claims into access tokens.
 */
final class CallerClaims {

    static final String ROLE = "homeward_role";
    static final String ORGANISATION = "homeward_organisation";

    private CallerClaims() {
    }

    /** Empty when a claim is missing or names no known role: such a token is authenticated but may do nothing. */
    static Optional<Caller> read(Jwt token) {
        String role = token.getClaimAsString(ROLE);
        String organisation = token.getClaimAsString(ORGANISATION);
        if (token.getSubject() == null || role == null || organisation == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Caller(token.getSubject(), Role.valueOf(role), organisation));
        } catch (IllegalArgumentException unknownRole) {
            return Optional.empty();
        }
    }
}
