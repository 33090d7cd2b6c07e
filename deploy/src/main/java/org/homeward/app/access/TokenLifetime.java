package org.homeward.app.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token that says neither when it was issued nor when it expires, was issued in the future, or is valid
 * for longer than {@code homeward.access.max-token-lifetime}: a stolen token is only worth as much as it lasts,
 * and a token without {@code exp} would last for ever.
 */
final class TokenLifetime implements OAuth2TokenValidator<Jwt> {

    /** Clocks of provider and server may differ by this much, as Spring's own expiry check allows. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final OAuth2Error REFUSED = new OAuth2Error("invalid_token", "Token lifetime not accepted", null);

    private final Duration longest;
    private final Clock clock;

    TokenLifetime(Duration longest, Clock clock) {
        this.longest = longest;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant issued = token.getIssuedAt();
        Instant expires = token.getExpiresAt();
        if (issued == null || expires == null || issued.isAfter(clock.instant().plus(CLOCK_SKEW))
            || Duration.between(issued, expires).compareTo(longest) > 0) {
            return OAuth2TokenValidatorResult.failure(REFUSED);
        }
        return OAuth2TokenValidatorResult.success();
    }
}
