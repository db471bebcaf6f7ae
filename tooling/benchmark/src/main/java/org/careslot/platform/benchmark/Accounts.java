package org.careslot.platform.benchmark;

import java.util.List;

/** The generated accounts a run works with; tokens are renewed before each scenario (Keycloak's live 5 minutes). */
record Accounts(List<Account> doctors, List<Account> patients, String password) {

    /** One user: id, e-mail and a current access token (with the refresh token that renews it). */
    static final class Account {
        final String email;
        volatile String id;
        volatile String access;
        volatile String refresh;

        Account(String email) {
            this.email = email;
        }
    }
}
