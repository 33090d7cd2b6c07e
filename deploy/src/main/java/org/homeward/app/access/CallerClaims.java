package org.homeward.app.access;

import java.util.Map;
import java.util.Optional;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads who the caller is from a token: {@code sub} is the user id, {@code homeward_role} one of the
 * {@link Role} names and {@code homeward_organisation} the organisation id. Configure the identity provider
 * (e.g. Keycloak protocol mappers) to put these two claims into access tokens, and into ID tokens for the web
 * app's sign-in through the provider.
 */
public final class CallerClaims {

    static final String ROLE = "homeward_role";
    static final String ORGANISATION = "homeward_organisation";

    private CallerClaims() {
    }

    /** Empty when a claim is missing or names no known role: such a token is authenticated but may do nothing. */
    static Optional<Caller> read(Jwt token) {
        return read(token.getClaims());
    }

    /** The same from a token's claims, whichever kind of token they came in. */
    public static Optional<Caller> read(Map<String, Object> claims) {
        String subject = claims.get("sub") instanceof String text ? text : null;
        String role = claims.get(ROLE) instanceof String text ? text : null;
        String organisation = claims.get(ORGANISATION) instanceof String text ? text : null;
        if (subject == null || role == null || organisation == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Caller(subject, Role.valueOf(role), organisation));
        } catch (IllegalArgumentException unknownRole) {
            return Optional.empty();
        }
    }
}
