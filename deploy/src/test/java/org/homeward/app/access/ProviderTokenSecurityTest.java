package org.homeward.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.homeward.app.HomewardApplication;
import org.homeward.app.support.Api;
import org.homeward.app.support.HttpTest;
import org.homeward.query.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an identity provider, only tokens it issued to Homeward are accepted: the provider's key set signs tokens
 * for every application it serves (and every realm sharing it), so issuer and audience are checked too.
 */
class ProviderTokenSecurityTest extends HttpTest {

    private static final String ISSUER = "https://idp.test/realms/homeward";
    private static final String AUDIENCE = "homeward-api";
    private static final String OWN_CASELOAD = "/api/v1/caseloads/cm-test";
    private static final RSAKey providerKey = generate();
    private static final HttpServer keySet = serve(new JWKSet(providerKey.toPublicJWK()).toString());

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ProviderTokenSecurityTest::keySetUri);
        registry.add("homeward.access.issuer", () -> ISSUER);
        registry.add("homeward.access.audience", () -> AUDIENCE);
    }

    @AfterAll
    static void stopKeySet() {
        keySet.stop(0);
    }

    @Test
    void aTokenForHomewardFromItsProviderIsAccepted() throws Exception {
        assertThat(with(token(ISSUER, AUDIENCE)).get(OWN_CASELOAD).status()).isEqualTo(200);
    }

    @Test
    void aTokenTheProviderIssuedToAnotherApplicationIsUnauthenticated() throws Exception {
        assertThat(with(token(ISSUER, "payroll")).get(OWN_CASELOAD).status()).isEqualTo(401);
        assertThat(with(token(ISSUER, null)).get(OWN_CASELOAD).status()).isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherIssuerSharingTheKeySetIsUnauthenticated() throws Exception {
        assertThat(with(token("https://idp.test/realms/other", AUDIENCE)).get(OWN_CASELOAD).status())
                .isEqualTo(401);
    }

    @Test
    void aProviderWithoutIssuerAndAudienceRefusesToStart() {
        String database = TestDatabases.create();

        assertThatThrownBy(() -> new SpringApplicationBuilder(HomewardApplication.class).run(
                "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                "--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + keySetUri()).close())
                .rootCause().hasMessageContaining("homeward.access.issuer").hasMessageContaining("homeward.access.audience");
    }

    private Api with(String token) {
        return new Api(port(), token);
    }

    private static String token(String issuer, String audience) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject("cm-test")
                .claim("homeward_role", "CASE_MANAGER").claim("homeward_organisation", "org-test")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(providerKey.getKeyID())
                                                                                 .build(), claims);
        token.sign(new RSASSASigner(providerKey));
        return token.serialize();
    }

    private static String keySetUri() {
        return "http://127.0.0.1:" + keySet.getAddress().getPort() + "/keys";
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(String body) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/keys", exchange -> {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
