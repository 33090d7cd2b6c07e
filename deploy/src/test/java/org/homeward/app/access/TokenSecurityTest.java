package org.homeward.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.HttpTest;
import org.homeward.app.support.TestUsers;
import org.junit.jupiter.api.Test;

/** Local tokens are short-lived, and a token naming no known role opens nothing. */
class TokenSecurityTest extends HttpTest {

    private static final String OWN_CASELOAD = "/api/v1/caseloads/cm-test";

    @Test
    void aTokenThatNeverExpiresIsUnauthenticated() throws Exception {
        assertThat(with(sign("CASE_MANAGER", Instant.now(), null)).get(OWN_CASELOAD).status()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutIssueTimeIsUnauthenticated() throws Exception {
        assertThat(with(sign("CASE_MANAGER", null, Instant.now().plusSeconds(600))).get(OWN_CASELOAD).status())
                .isEqualTo(401);
    }

    @Test
    void aTokenValidForAHundredYearsIsUnauthenticated() throws Exception {
        Instant now = Instant.now();
        String longLived = sign("CASE_MANAGER", now, now.plus(Duration.ofDays(36_500)));

        assertThat(with(longLived).get(OWN_CASELOAD).status()).isEqualTo(401);
        assertThat(with(sign("CASE_MANAGER", now, now.plus(Duration.ofHours(8)))).get(OWN_CASELOAD).status())
                .as("a working day's token still works").isEqualTo(200);
    }

    @Test
    void noTokenLongerThanTheLongestLifetimeIsIssued() {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(TestUsers.KEY_FILE);
        Caller caller = new Caller("cm-test", Role.CASE_MANAGER, "org-test");

        // what `java -jar homeward.jar token --hours 876000` asks for
        assertThatThrownBy(() -> key.issue(caller, Duration.ofHours(876_000))).hasMessageContaining("at most");
    }

    @Test
    void aTokenWithoutAKnownRoleOpensNothing() throws Exception {
        Instant now = Instant.now();
        Api nobody = with(sign("JANITOR", now, now.plusSeconds(600)));

        for (String path : List.of("/api/v1/programs", "/api/v1/milestone-types")) {
            assertThat(nobody.get(path).status()).as(path).isEqualTo(403);
        }
    }

    @Test
    void evaluatorsGetTheProgramListToFilterOutcomesButNoCatalogue() {
        Api evaluator = as(Role.EVALUATOR, "ev-test", "org-test");

        assertThat(evaluator.get("/api/v1/programs").status()).isEqualTo(200);
        assertThat(evaluator.get("/api/v1/milestone-types").status()).isEqualTo(403);
    }

    private Api with(String token) {
        return new Api(port(), token);
    }

    private static String sign(String role, Instant issuedAt, Instant expiresAt) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(LocalSigningKey.ISSUER).subject("cm-test")
                .claim("homeward_role", role).claim("homeward_organisation", "org-test")
                .issueTime(issuedAt == null ? null : Date.from(issuedAt))
                .expirationTime(expiresAt == null ? null : Date.from(expiresAt))
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        token.sign(new MACSigner(Files.readAllBytes(TestUsers.KEY_FILE)));
        return token.serialize();
    }
}
