package org.homeward.app.web;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.springframework.security.core.Authentication;

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

    /** The person an authentication of the web app names, or null for any other. */
    public static SignedInPerson of(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof SignedInPerson person
               ? person : null;
    }
}
