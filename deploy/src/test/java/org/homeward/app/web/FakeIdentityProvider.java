package org.homeward.app.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider for tests, on a port of its own: discovery, keys, an authorization endpoint that
 * signs in {@link #nextPerson} at once, and a token endpoint that gives the code once and only to the verifier
 * whose S256 challenge came with the authorization request (PKCE), as a real provider does.
 */
final class FakeIdentityProvider {

    static final String CLIENT_ID = "homeward-web";
    static final String CLIENT_SECRET = "synthetic-client-secret";

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    /** The claims of the person the next authorization signs in. */
    volatile Map<String, Object> nextPerson = Map.of();
    /** How many codes were refused for a wrong or missing PKCE verifier. */
    volatile int refusedVerifiers;

    private record Grant(String nonce, String challenge, Map<String, Object> person) {
    }

    private FakeIdentityProvider(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
    }

    static FakeIdentityProvider start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeIdentityProvider provider = new FakeIdentityProvider(server,
                    new RSAKeyGenerator(2048).keyID("test").generate());
            server.createContext("/.well-known/openid-configuration", provider::discovery);
            server.createContext("/jwks", provider::keys);
            server.createContext("/authorize", provider::authorize);
            server.createContext("/token", provider::token);
            server.start();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        answer(exchange, 200, "{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\"" + issuer()
                              + "/authorize\",\"token_endpoint\":\"" + issuer() + "/token\",\"jwks_uri\":\""
                              + issuer() + "/jwks\",\"response_types_supported\":[\"code\"],"
                              + "\"subject_types_supported\":[\"public\"],"
                              + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                              + "\"code_challenge_methods_supported\":[\"S256\"]}");
    }

    private void keys(HttpExchange exchange) throws IOException {
        answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(query.get("nonce"), query.get("code_challenge"), nextPerson));
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                                                      + java.net.URLEncoder.encode(query.get("state"),
                                                                                   StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = grants.remove(body.getOrDefault("code", ""));
        if (grant == null || grant.challenge() == null || !grant.challenge().equals(s256(body.get("code_verifier")))) {
            refusedVerifiers++;
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer()).audience(CLIENT_ID).issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("nonce", grant.nonce());
            grant.person().forEach(claims::claim);
            SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                                              claims.build());
            idToken.sign(new RSASSASigner(key));
            answer(exchange, 200, "{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\","
                                  + "\"expires_in\":300,\"scope\":\"openid\",\"id_token\":\"" + idToken.serialize()
                                  + "\"}");
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return null;
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded != null) {
            for (String pair : encoded.split("&")) {
                String[] nameValue = pair.split("=", 2);
                values.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                           nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
