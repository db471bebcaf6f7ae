package org.careslot.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import org.careslot.platform.testkit.security.ForgedTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A realm-shaped JWKS endpoint on a real HTTP server, with its own RSA key, for tests of routing and token expiry
 * that should not depend on Keycloak. Real Keycloak tokens are tested in KeycloakJwtTest.
 */
public final class LocalJwks implements AutoCloseable {

    private final RSAKey key;
    private final HttpServer server;

    private LocalJwks() {
        try {
            key = new RSAKeyGenerator(2048).keyID("local-test-key").keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/realms/appointments/protocol/openid-connect/certs", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
            }
        });
        server.start();
    }

    public static LocalJwks start() {
        return new LocalJwks();
    }

    /** The value for KEYCLOAK_URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String issuer() {
        return baseUrl() + "/realms/appointments";
    }

    /** A token like Keycloak's for a user with the given realm role, valid for five minutes. */
    public String token(String role) {
        return sign(claims(issuer(), role, Instant.now().plus(Duration.ofMinutes(5))));
    }

    public String expiredToken(String role) {
        return sign(claims(issuer(), role, Instant.now().minus(Duration.ofMinutes(5))));
    }

    public String tokenFromIssuer(String issuer, String role) {
        return sign(claims(issuer, role, Instant.now().plus(Duration.ofMinutes(5))));
    }

    private static JWTClaimsSet claims(String issuer, String role, Instant expiry) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c")
                .audience("account")
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(expiry))
                .claim("realm_access", Map.of("roles", List.of(role)))
                .claim("email", "user@example.org")
                .build();
    }

    private String sign(JWTClaimsSet claims) {
        return ForgedTokens.sign(key, claims);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
