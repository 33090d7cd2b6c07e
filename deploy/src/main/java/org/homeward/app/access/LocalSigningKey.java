package org.homeward.app.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.homeward.access.Caller;
import org.homeward.app.privacy.KeyFiles;

/**
 * The signing key of local mode: when no identity provider is configured, Homeward signs and checks its own
 * tokens with a key kept in a file only its owner can read, created on first use. Tokens are issued on the
 * command line ({@code java -jar homeward.jar token ...}), never over HTTP.
 */
public final class LocalSigningKey {

    public static final String ISSUER = "homeward-local";
    /** The default of {@code homeward.access.max-token-lifetime}: a working day, with overtime. */
    public static final int LONGEST_LIFETIME_HOURS = 12;
    private static final Duration LONGEST_LIFETIME = Duration.ofHours(LONGEST_LIFETIME_HOURS);
    private static final int KEY_BYTES = 32;

    private final SecretKey key;

    private LocalSigningKey(SecretKey key) {
        this.key = key;
    }

    public static LocalSigningKey loadOrCreate(Path file) {
        return new LocalSigningKey(new SecretKeySpec(KeyFiles.readOrCreate(file, KEY_BYTES), "HmacSHA256"));
    }

    SecretKey key() {
        return key;
    }

    /**
     * A token for one person, valid for {@code lifetime} (at most {@value #LONGEST_LIFETIME_HOURS} hours, which
     * the application accepts unless configured shorter), carrying the claims {@link CallerClaims} reads.
     */
    public String issue(Caller caller, Duration lifetime) {
        if (lifetime.compareTo(LONGEST_LIFETIME) > 0) {
            throw new IllegalArgumentException("A token may be valid for at most " + LONGEST_LIFETIME_HOURS
                                               + " hours");
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(caller.userId())
                .claim(CallerClaims.ROLE, caller.role().name())
                .claim(CallerClaims.ORGANISATION, caller.organisationId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            token.sign(new MACSigner(key));
            return token.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a local token", e);
        }
    }
}
