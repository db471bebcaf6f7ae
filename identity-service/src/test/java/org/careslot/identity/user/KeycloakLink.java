package org.careslot.identity.user;

import org.careslot.platform.testkit.net.CuttableLink;

import java.net.URI;

/**
 * The test infrastructure's Keycloak behind a {@link CuttableLink} of a test class's own, for tests that cut or stall
 * identity-service's way to Keycloak. Opened on first use: when the Spring context asks for {@link #url()}, after
 * {@code @RealInfrastructure} has published Keycloak's address.
 */
final class KeycloakLink implements AutoCloseable {

    private CuttableLink link;

    /** What identity-service is given as {@code careslot.identity.keycloak.url}. */
    String url() {
        return "http://127.0.0.1:" + get().port();
    }

    synchronized CuttableLink get() {
        if (link == null) {
            URI keycloak = URI.create(System.getProperty("careslot.keycloak.url"));
            link = new CuttableLink(keycloak.getHost(), keycloak.getPort());
        }
        return link;
    }

    @Override
    public synchronized void close() {
        if (link != null) {
            link.close();
            link = null;
        }
    }
}
