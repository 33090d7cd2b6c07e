package org.homeward.access;

/**
 * Who sent a request, as the identity provider vouches for them.
 *
 * @param userId         the person's id at the identity provider, never their name
 * @param organisationId the organisation they work for
 */
public record Caller(String userId, Role role, String organisationId) {
}
