package org.careslot.platform.benchmark;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One account logging in again and again, sequentially: through the gateway ({@code POST /api/v1/user/login/}, which
 * identity-service answers by asking Keycloak's token endpoint) against directly at Keycloak's token endpoint (what a
 * frontend speaking OpenID Connect does), plus identity-service on its own port to split the difference between the
 * two hops. The paths alternate in small blocks so that a busy neighbour on the machine weighs on all of them alike.
 */
final class LoginComparison {

    /** The three paths' latencies and how much the gateway path adds over Keycloak alone. */
    record Result(int logins, int blockSize, LatencySummary gateway, LatencySummary identityDirect,
                  LatencySummary keycloakDirect, double overheadPercentMean, double overheadPercentP50,
                  double gatewayHopMsMean, double identityHopMsMean, boolean gatewayClosesConnections) {
    }

    private static final int BLOCK = 10;

    private final Http http;
    private final Keycloak keycloak;
    private final String gatewayLogin;
    private final String identityLogin;

    LoginComparison(Http http, Keycloak keycloak, String gatewayUrl, String identityUrl) {
        this.http = http;
        this.keycloak = keycloak;
        this.gatewayLogin = gatewayUrl + "/api/v1/user/login/";
        this.identityLogin = identityUrl == null ? null : identityUrl + "/api/v1/user/login/";
    }

    Result run(Accounts.Account account, String password, int logins, int warmUp) throws Exception {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("email", account.email);
        body.put("password", password);
        Histogram viaGateway = LatencySummary.newHistogram();
        Histogram viaIdentity = LatencySummary.newHistogram();
        Histogram atKeycloak = LatencySummary.newHistogram();
        boolean closes = false;
        for (int round = 0; round < warmUp + logins; round += BLOCK) {
            boolean record = round >= warmUp;
            for (int i = 0; i < BLOCK; i++) {
                Http.Answer answer = http.postJson(gatewayLogin, body, null).expect("login through the gateway", 200);
                closes |= answer.connectionClosed();
                if (record) {
                    viaGateway.recordValue(answer.micros());
                }
            }
            if (identityLogin != null) {
                for (int i = 0; i < BLOCK; i++) {
                    Http.Answer answer = http.postJson(identityLogin, body, null)
                            .expect("login at identity-service", 200);
                    if (record) {
                        viaIdentity.recordValue(answer.micros());
                    }
                }
            }
            for (int i = 0; i < BLOCK; i++) {
                Http.Answer answer = keycloak.passwordGrant(account.email, password).expect("login at Keycloak", 200);
                if (record) {
                    atKeycloak.recordValue(answer.micros());
                }
            }
        }
        LatencySummary gateway = LatencySummary.of(viaGateway, 0);
        LatencySummary identity = LatencySummary.of(viaIdentity, 0);
        LatencySummary direct = LatencySummary.of(atKeycloak, 0);
        return new Result((int) viaGateway.getTotalCount(), BLOCK, gateway, identity, direct,
                percent(gateway.meanMs(), direct.meanMs()), percent(gateway.p50Ms(), direct.p50Ms()),
                LatencySummary.round(gateway.meanMs() - identity.meanMs()),
                LatencySummary.round(identity.meanMs() - direct.meanMs()), closes);
    }

    static double percent(double value, double base) {
        return base == 0 ? 0 : LatencySummary.round((value - base) / base * 100.0);
    }
}
