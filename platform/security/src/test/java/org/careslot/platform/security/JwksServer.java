package org.careslot.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A realm's JWKS endpoint on a real HTTP server: its keys can be rotated, and it can go down (every request answered
 * 503, as a proxy in front of a stopped Keycloak does). Counts the requests it gets.
 */
final class JwksServer implements AutoCloseable {

    static final String ISSUER = "http://keycloak.test/realms/appointments";

    private final HttpServer server;
    private final List<RSAKey> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean down;

    JwksServer() {
        keys.add(newKey("key-1"));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/certs", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                if (down) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                byte[] body = new JWKSet(keys.stream().map(key -> (JWK) key.toPublicJWK()).toList()).toString()
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
    }

    int requests() {
        return requests.get();
    }

    void goDown() {
        down = true;
    }

    void comeBack() {
        down = false;
    }

    /** Publishes a new key next to the old ones (as Keycloak does when a realm key is added). */
    void addKey(String keyId) {
        keys.add(newKey(keyId));
    }

    /** A token like Keycloak's, valid for five minutes, signed by the published key {@code keyId}. */
    String token(String keyId) {
        RSAKey key = keys.stream().filter(k -> k.getKeyID().equals(keyId)).findFirst().orElseThrow();
        return sign(key);
    }

    /** A token signed by a key this server never published. */
    static String tokenOfUnknownKey(String keyId) {
        return sign(newKey(keyId));
    }

    private static String sign(RSAKey key) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c")
                .audience("account")
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
                .claim("realm_access", Map.of("roles", List.of("PATIENT")))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
