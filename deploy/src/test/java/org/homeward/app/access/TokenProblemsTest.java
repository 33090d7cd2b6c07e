package org.homeward.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.homeward.app.support.TestUsers;
import org.junit.jupiter.api.Test;

/** Tokens that must not get in, and answers that say no more than that. */
class TokenProblemsTest extends HttpTest {

    private static final String TIMELINE_OF_SOMEONE = "/api/v1/caseloads/cm-test";

    @Test
    void expiredTokenIsUnauthenticated() {
        String expired = LocalSigningKey.loadOrCreate(TestUsers.KEY_FILE)
                                        .issue(new Caller("cm-test", Role.CASE_MANAGER, "org-test"),
                                               Duration.ofMinutes(-5));

        assertUnauthenticated(with(expired).get(TIMELINE_OF_SOMEONE));
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthenticated() throws Exception {
        assertUnauthenticated(with(sign(Files.readAllBytes(TestUsers.KEY_FILE), "someone-else", "CASE_MANAGER"))
                                      .get(TIMELINE_OF_SOMEONE));
    }

    @Test
    void tokenSignedWithAnotherKeyIsUnauthenticated() throws Exception {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);

        assertUnauthenticated(with(sign(otherKey, LocalSigningKey.ISSUER, "CASE_MANAGER")).get(TIMELINE_OF_SOMEONE));
    }

    @Test
    void garbageTokenIsUnauthenticated() {
        assertUnauthenticated(with("not-a-token").get(TIMELINE_OF_SOMEONE));
    }

    @Test
    void tokenWithoutAKnownRoleIsForbiddenEverything() throws Exception {
        Api nobody = with(sign(Files.readAllBytes(TestUsers.KEY_FILE), LocalSigningKey.ISSUER, "JANITOR"));

        Reply reply = nobody.get(TIMELINE_OF_SOMEONE);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("detail")).isEqualTo("Your role does not allow this");
    }

    private void assertUnauthenticated(Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("detail")).isEqualTo("Sign in first: send a valid bearer token");
        assertThat(reply.body()).doesNotContainIgnoringCase("expired").doesNotContainIgnoringCase("signature")
                                .doesNotContainIgnoringCase("issuer");
    }

    private Api with(String token) {
        return new Api(port(), token);
    }

    private static String sign(byte[] key, String issuer, String role) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject("cm-test")
                .claim("homeward_role", role).claim("homeward_organisation", "org-test")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        token.sign(new MACSigner(key));
        return token.serialize();
    }
}
