package org.careslot.platform.benchmark;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Map;

/**
 * Keycloak's token endpoint as a frontend speaking OpenID Connect uses it (public client {@code careslot-web},
 * password grant): the tokens of the generated accounts, and the "login at Keycloak directly" side of the login
 * comparison.
 */
final class Keycloak {

    static final String CLIENT_ID = "careslot-web";

    private final Http http;
    private final String tokenUrl;

    Keycloak(Http http, String keycloakUrl) {
        this.http = http;
        this.tokenUrl = keycloakUrl + "/realms/appointments/protocol/openid-connect/token";
    }

    Http.Answer passwordGrant(String email, String password) throws IOException, InterruptedException {
        return http.postForm(tokenUrl, Map.of("grant_type", "password", "client_id", CLIENT_ID, "username", email,
                "password", password, "scope", "openid"));
    }

    void logIn(Accounts.Account account, String password) throws IOException, InterruptedException {
        JsonNode tokens = passwordGrant(account.email, password).expect("login of " + account.email, 200).json();
        account.access = tokens.get("access_token").asString();
        account.refresh = tokens.get("refresh_token").asString();
    }

    /** Renews the access token with the refresh token; logs in again when that one ran out. */
    void renew(Accounts.Account account, String password) throws IOException, InterruptedException {
        if (account.refresh != null) {
            Http.Answer answer = http.postForm(tokenUrl, Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID,
                    "refresh_token", account.refresh));
            if (answer.status() == 200) {
                JsonNode tokens = answer.json();
                account.access = tokens.get("access_token").asString();
                account.refresh = tokens.get("refresh_token").asString();
                return;
            }
        }
        logIn(account, password);
    }
}
