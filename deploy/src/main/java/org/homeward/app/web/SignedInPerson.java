package org.homeward.app.web;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Map;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.app.access.CallerClaims;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in to the web app: the same three facts the API's tokens carry. Kept in the session, which
 * Spring Session stores in PostgreSQL, hence serializable; it holds no name, e-mail or password.
 */
public record SignedInPerson(String userId, Role role, String organisationId) implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return userId;
    }

    public Caller caller() {
        return new Caller(userId, role, organisationId);
    }

    /**
     * The person an authentication of the web app names, or null for any other: a local account's, or the identity
     * provider's ID token, whose claims say who the person is exactly as the API's tokens do.
     */
    public static SignedInPerson of(Authentication authentication) {
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof SignedInPerson person) {
            return person;
        }
        return principal instanceof OidcUser user ? of(user.getClaims()) : null;
    }

    /** The person an identity provider's token names, by the same claims as the API's tokens; null if none. */
    public static SignedInPerson of(Map<String, Object> claims) {
        return CallerClaims.read(claims)
                           .map(caller -> new SignedInPerson(caller.userId(), caller.role(), caller.organisationId()))
                           .orElse(null);
    }
}
