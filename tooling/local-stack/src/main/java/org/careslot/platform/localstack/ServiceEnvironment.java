package org.careslot.platform.localstack;

import org.careslot.platform.infra.PostgresServer;

import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration contract of common.md, pointing every service at this stack. */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<String, String> of(StackSettings settings) {
        StackSettings.Ports ports = settings.ports();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("POSTGRES_HOST", "localhost");
        env.put("POSTGRES_PORT", Integer.toString(ports.postgres()));
        env.put("POSTGRES_USER", PostgresServer.SUPERUSER);
        env.put("POSTGRES_PASSWORD", PostgresServer.SUPERUSER);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ports.kafka());
        env.put("KEYCLOAK_URL", settings.localUrl(ports.keycloak()));
        env.put("SMTP_HOST", "localhost");
        env.put("SMTP_PORT", Integer.toString(ports.smtp()));
        for (Service service : Service.values()) {
            env.put(service.variablePrefix() + "_PORT", Integer.toString(service.port(ports)));
            env.put(service.variablePrefix() + "_URL", settings.localUrl(service.port(ports)));
        }
        env.put("KEYCLOAK_PORT", Integer.toString(ports.keycloak()));
        env.put("KEYCLOAK_MANAGEMENT_PORT", Integer.toString(ports.keycloakManagement()));
        env.put("KAFKA_PORT", Integer.toString(ports.kafka()));
        // spans of every application go to the stack's trace UI (platform-tracing's TraceExportEnvironmentPostProcessor)
        env.put("ZIPKIN_ENDPOINT", ZipkinTraceUi.spansEndpoint(settings));
        env.put("ZIPKIN_PORT", Integer.toString(ports.zipkin()));
        // readiness is what the launcher waits for; outside Kubernetes Boot only exposes it when asked to
        env.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        // booking-service's demo seed path for past appointments (local-stack.sh --seed / --seed-only); off elsewhere
        env.put("BOOKING_DEMO_BACKDATING_ENABLED", "true");
        return env;
    }
}
