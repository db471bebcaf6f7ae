package org.careslot.platform.testkit;

/** The test Keycloak with the {@code appointments} realm freshly imported, whichever implementation runs it. */
public interface TestKeycloak {

    String REALM = "appointments";

    String baseUrl();

    default String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    default String tokenUri() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    /** Admin of the master realm, for the admin REST API ({@code /admin/realms/...}). */
    String bootstrapAdminUser();

    String bootstrapAdminPassword();
}
