package org.careslot.platform.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the launcher reads from its environment. Defaults are the documented local-stack ports of
 * architecture.md; every one of them can be overridden so that tests can run a second stack next to a developer's.
 */
public record StackSettings(
        Path projectRoot,
        Path dataDir,
        Ports ports,
        Duration startTimeout,
        Duration serviceStagger,
        String serviceJavaOptions,
        String kafkaJavaOptions,
        Map<String, String> environment) {

    public record Ports(int gateway, int identity, int doctor, int booking, int notification, int reporting,
                        int keycloak, int keycloakManagement, int postgres, int kafka, int kafkaController,
                        int smtp, int smtpImap, int zipkin) {

        /** Environment variable name → port, in start order; used for the "port already in use" check. */
        public Map<String, Integer> byVariable() {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("POSTGRES_PORT", postgres);
            ports.put("KAFKA_PORT", kafka);
            ports.put("KAFKA_CONTROLLER_PORT", kafkaController);
            ports.put("SMTP_PORT", smtp);
            ports.put("SMTP_IMAP_PORT", smtpImap);
            ports.put("ZIPKIN_PORT", zipkin);
            ports.put("KEYCLOAK_PORT", keycloak);
            ports.put("KEYCLOAK_MANAGEMENT_PORT", keycloakManagement);
            ports.put("IDENTITY_PORT", identity);
            ports.put("DOCTOR_PORT", doctor);
            ports.put("BOOKING_PORT", booking);
            ports.put("NOTIFICATION_PORT", notification);
            ports.put("REPORTING_PORT", reporting);
            ports.put("GATEWAY_PORT", gateway);
            return ports;
        }
    }

    /**
     * Small heaps, C1 only and serial GC: startup time and RSS matter more than peak throughput for a developer
     * stack of eight JVMs on a laptop. Native access allowed up front: otherwise the JVM prints a plain-text
     * warning into the gateway's log (Netty loads a native library), which must hold JSON lines only.
     * Overridable with LOCAL_STACK_SERVICE_JAVA_OPTS.
     */
    static final String DEFAULT_SERVICE_JAVA_OPTS = "-Xms64m -Xmx256m -Xss512k -XX:+UseSerialGC"
            + " -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m"
            + " -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED";

    static final String DEFAULT_KAFKA_JAVA_OPTS = "-Xms64m -Xmx320m -Xss512k -XX:+UseSerialGC"
            + " -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m -XX:+ExitOnOutOfMemoryError";

    public static StackSettings fromEnvironment(Map<String, String> env, Path launcherJar) {
        Ports ports = new Ports(
                port(env, "GATEWAY_PORT", 8080),
                port(env, "IDENTITY_PORT", 8081),
                port(env, "DOCTOR_PORT", 8082),
                port(env, "BOOKING_PORT", 8083),
                port(env, "NOTIFICATION_PORT", 8084),
                port(env, "REPORTING_PORT", 8085),
                port(env, "KEYCLOAK_PORT", 8180),
                port(env, "KEYCLOAK_MANAGEMENT_PORT", 9180),
                port(env, "POSTGRES_PORT", 55432),
                port(env, "KAFKA_PORT", 59092),
                port(env, "KAFKA_CONTROLLER_PORT", 59093),
                port(env, "SMTP_PORT", 3025),
                port(env, "SMTP_IMAP_PORT", 3143),
                port(env, "ZIPKIN_PORT", 9411));
        Path projectRoot = projectRoot(env, launcherJar);
        Path dataDir = Path.of(env.getOrDefault("LOCAL_STACK_DIR", projectRoot.resolve(".local-stack").toString()))
                .toAbsolutePath().normalize();
        return new StackSettings(
                projectRoot,
                dataDir,
                ports,
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("LOCAL_STACK_START_TIMEOUT_SECONDS", "300"))),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("LOCAL_STACK_SERVICE_STAGGER_MS", "0"))),
                env.getOrDefault("LOCAL_STACK_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTS),
                env.getOrDefault("LOCAL_STACK_KAFKA_JAVA_OPTS", DEFAULT_KAFKA_JAVA_OPTS),
                Map.copyOf(env));
    }

    /**
     * CARESLOT_HOME if set; otherwise the jar's location (tooling/local-stack/target/x.jar lies three levels below
     * the root); otherwise the working directory.
     */
    static Path projectRoot(Map<String, String> env, Path launcherJar) {
        String home = env.get("CARESLOT_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        if (launcherJar != null) {
            Path candidate = launcherJar.toAbsolutePath().normalize();
            for (int i = 0; i < 4 && candidate != null; i++) {
                candidate = candidate.getParent();
            }
            if (candidate != null && Files.isRegularFile(candidate.resolve("pom.xml"))
                    && Files.isDirectory(candidate.resolve("gateway"))) {
                return candidate;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static int port(Map<String, String> env, String variable, int defaultPort) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a TCP port number, not '" + value + "'");
        }
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    /** Survives --fresh: only immutable unpacked binaries live here. */
    public Path cacheDir() {
        return dataDir.resolve("cache");
    }

    public String localUrl(int port) {
        return "http://localhost:" + port;
    }
}
