package org.homeward.access;

import java.util.function.Function;

/**
 * Who sent a request, as the identity provider vouches for them.
 *
 * @param userId         the person's id at the identity provider, never their name
 * @param organisationId the organisation they work for
 */
public record Caller(String userId, Role role, String organisationId) {

    /** The request attribute authentication puts the caller under; both sides' endpoints read it from there. */
    public static final String REQUEST_ATTRIBUTE = Caller.class.getName();

    /**
     * A case manager or supervisor of the organisation: who may act on, and read, a referral made to it. One rule
     * for both sides, so the partner's reads and steps cannot drift apart.
     */
    public boolean staffOf(String organisationId) {
        return userId != null && organisationId.equals(this.organisationId)
               && (role == Role.CASE_MANAGER || role == Role.SUPERVISOR);
    }

    /**
     * The caller authentication put on a request, or null where no valid token came. Takes the request's
     * {@code getAttribute} rather than the request, so that the contract knows nothing of servlets.
     */
    public static Caller onRequest(Function<String, Object> requestAttributes) {
        return (Caller) requestAttributes.apply(REQUEST_ATTRIBUTE);
    }
}
