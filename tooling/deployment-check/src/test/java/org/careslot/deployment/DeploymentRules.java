package org.careslot.deployment;

import org.careslot.deployment.ServiceModules.ServiceModule;
import org.careslot.deployment.ServiceModules.Variable;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** What every deployment (Compose, Kubernetes) must give a service, derived from what the service reads. */
final class DeploymentRules {

    /**
     * The one variable that turns on OTLP trace export in all six services: Compose and Kubernetes set it for each.
     * Change it here when the services read another name.
     */
    static final String TRACING_ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    /** Read by platform-tracing like the OTLP one; the local stack sets it, Compose and k8s export OTLP only. */
    static final String ZIPKIN_ENDPOINT_VARIABLE = "ZIPKIN_ENDPOINT";

    /** Secrets: never in a ConfigMap or a committed value outside dev placeholders. */
    private static final Pattern SECRET = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|CREDENTIALS?|PRIVATE_KEY|API_KEY)");

    /** A dev default that points at this machine: wrong inside a container, so a deployment must set it. */
    private static final Pattern LOCAL_ADDRESS =
            Pattern.compile("(https?://)?(localhost|127\\.0\\.0\\.1)(:\\d+)?(/.*)?");

    /**
     * Environment names a deployment may set besides the placeholders a service reads: Spring Boot binds them to
     * properties itself (relaxed binding), e.g. CARESLOT_MESSAGING_TOPICDEFAULTS_REPLICATIONFACTOR.
     */
    private static final Pattern SPRING_PROPERTY_VARIABLE =
            Pattern.compile("(MANAGEMENT|SPRING|SERVER|LOGGING|CARESLOT|JAVA_TOOL_OPTIONS)(_[A-Z0-9_]+)?");

    private DeploymentRules() {
    }

    static boolean isSecret(String variable) {
        return SECRET.matcher(variable).matches();
    }

    static boolean pointsAtThisMachine(String value) {
        return value != null && (value.contains("localhost") || value.contains("127.0.0.1"));
    }

    /**
     * What a deployment must set for the service: variables without a default, secrets, addresses whose default is
     * this machine (and the port beside such a host), and the tracing endpoint.
     */
    static Set<String> required(ServiceModule service) {
        Set<String> required = new TreeSet<>();
        for (Variable variable : service.variables().values()) {
            boolean local = variable.defaultValue().filter(v -> LOCAL_ADDRESS.matcher(v).matches()).isPresent();
            if (variable.defaultValue().isEmpty() || isSecret(variable.name()) || local) {
                required.add(variable.name());
            }
            if (local && variable.name().endsWith("_HOST")) {
                String port = variable.name().replaceFirst("_HOST$", "_PORT");
                if (service.variables().containsKey(port)) {
                    required.add(port);
                }
            }
        }
        required.add(TRACING_ENDPOINT_VARIABLE);
        return required;
    }

    /** Addresses among the required variables: their values must not point at this machine. */
    static Set<String> addresses(ServiceModule service) {
        Set<String> addresses = new TreeSet<>();
        for (Variable variable : service.variables().values()) {
            if (variable.defaultValue().filter(v -> LOCAL_ADDRESS.matcher(v).matches()).isPresent()) {
                addresses.add(variable.name());
            }
        }
        addresses.add(TRACING_ENDPOINT_VARIABLE);
        return addresses;
    }

    /** A name the service reads, or one Spring binds by itself; anything else is a typo or belongs elsewhere. */
    static boolean readBy(ServiceModule service, String variable) {
        // the trace export variables are read by platform-tracing's code, which all six applications include
        return service.variables().containsKey(variable) || SPRING_PROPERTY_VARIABLE.matcher(variable).matches()
                || variable.equals(TRACING_ENDPOINT_VARIABLE) || variable.equals(ZIPKIN_ENDPOINT_VARIABLE);
    }

    static String imageName(ServiceModule service) {
        return "careslot/" + service.artifactId() + ":" + service.version();
    }
}
