package org.careslot.platform.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToIntFunction;

/** One of the six Spring Boot applications, run from its module's runnable jar. */
enum Service {

    IDENTITY("identity-service", "IDENTITY", StackSettings.Ports::identity),
    DOCTOR("doctor-service", "DOCTOR", StackSettings.Ports::doctor),
    BOOKING("booking-service", "BOOKING", StackSettings.Ports::booking),
    NOTIFICATION("notification-service", "NOTIFICATION", StackSettings.Ports::notification),
    REPORTING("reporting-service", "REPORTING", StackSettings.Ports::reporting),
    GATEWAY("gateway", "GATEWAY", StackSettings.Ports::gateway);

    static final String VERSION = "0.1.0-SNAPSHOT";

    private final String module;
    private final String variablePrefix;
    private final ToIntFunction<StackSettings.Ports> port;

    Service(String module, String variablePrefix, ToIntFunction<StackSettings.Ports> port) {
        this.module = module;
        this.variablePrefix = variablePrefix;
        this.port = port;
    }

    String module() {
        return module;
    }

    /** IDENTITY → IDENTITY_PORT / IDENTITY_URL, the names of the configuration contract. */
    String variablePrefix() {
        return variablePrefix;
    }

    int port(StackSettings.Ports ports) {
        return port.applyAsInt(ports);
    }

    Path jar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target").resolve(module + "-" + VERSION + "-exec.jar");
    }

    static List<Service> missingJars(Path projectRoot) {
        return java.util.Arrays.stream(values()).filter(service -> !Files.isRegularFile(service.jar(projectRoot)))
                .toList();
    }
}
