package org.careslot.deployment;

import org.careslot.deployment.ServiceModules.ServiceModule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** platform/docker-compose.yml against the services' configuration; `docker compose config` where installed. */
class ComposeFileTest {

    /** Dependencies a service may start without: traces are exported best-effort. */
    private static final Set<String> OPTIONAL_DEPENDENCIES = Set.of("jaeger");

    private static ComposeFile compose;
    private static List<ServiceModule> modules;

    @BeforeAll
    static void load() {
        compose = new ComposeFile();
        modules = ServiceModules.all();
    }

    @Test
    void findsTheSixServices() {
        assertThat(modules).extracting(ServiceModule::artifactId).containsExactlyInAnyOrder("gateway",
                "identity-service", "doctor-service", "booking-service", "notification-service", "reporting-service");
    }

    @Test
    void everyComposeServiceHasAnImageAHealthCheckAndWaitsForHealthyDependencies() {
        Map<String, Map<String, Object>> services = compose.services();
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> {
            if (!(service.get("image") instanceof String image) || image.isBlank()) {
                problems.add(name + ": no image");
            }
            Map<String, Object> health = ComposeFile.asMap(service.get("healthcheck"));
            if (!(health.get("test") instanceof List<?> test) || test.isEmpty() || Boolean.TRUE.equals(health.get("disable"))) {
                problems.add(name + ": no health check");
            }
            ComposeFile.dependencies(service).forEach((dependency, condition) -> {
                if (!services.containsKey(dependency)) {
                    problems.add(name + ": depends on unknown service " + dependency);
                } else if (!condition.equals("service_healthy") && !OPTIONAL_DEPENDENCIES.contains(dependency)) {
                    problems.add(name + ": waits for " + dependency + " with " + condition + ", not service_healthy");
                }
            });
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void runsEveryServiceFromItsJibImageAndProbesItsReadiness() {
        Map<String, Map<String, Object>> services = compose.services();
        for (ServiceModule module : modules) {
            assertThat(services).as("compose service for %s", module.artifactId()).containsKey(module.artifactId());
            Map<String, Object> service = services.get(module.artifactId());
            assertThat(service.get("image")).as(module.artifactId()).isEqualTo(DeploymentRules.imageName(module));
            String probe = String.join(" ", stringList(ComposeFile.asMap(service.get("healthcheck")).get("test")));
            assertThat(probe).as("health check of %s", module.artifactId())
                    .contains("/actuator/health/readiness").contains("/" + module.port() + " ");
        }
    }

    @Test
    void servicesWaitForWhatTheyUse() {
        Map<String, Map<String, Object>> services = compose.services();
        for (ServiceModule module : modules) {
            Map<String, String> environment = ComposeFile.environment(services.get(module.artifactId()));
            Set<String> dependencies = ComposeFile.dependencies(services.get(module.artifactId())).keySet();
            for (String value : environment.values()) {
                hostOf(value).filter(services::containsKey).ifPresent(host ->
                        assertThat(dependencies).as("%s uses %s (%s)", module.artifactId(), host, value).contains(host));
            }
        }
    }

    @Test
    void setsWhatEveryServiceNeedsAndNothingItDoesNotRead() {
        Map<String, Map<String, Object>> services = compose.services();
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : modules) {
            Map<String, String> environment = ComposeFile.environment(services.get(module.artifactId()));
            for (String required : DeploymentRules.required(module)) {
                if (!environment.containsKey(required)) {
                    problems.add(module.artifactId() + ": " + required + " is not set");
                }
            }
            for (String address : DeploymentRules.addresses(module)) {
                if (DeploymentRules.pointsAtThisMachine(environment.get(address))) {
                    problems.add(module.artifactId() + ": " + address + " points at the container itself");
                }
            }
            for (String variable : environment.keySet()) {
                if (!DeploymentRules.readBy(module, variable)) {
                    problems.add(module.artifactId() + ": sets " + variable + ", which it does not read");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void serviceAddressesUseTheTargetsPorts() {
        Map<String, Map<String, Object>> services = compose.services();
        Map<String, Integer> ports = new java.util.HashMap<>();
        modules.forEach(m -> ports.put(m.artifactId(), m.port()));
        int checked = 0;
        for (ServiceModule module : modules) {
            for (Map.Entry<String, String> variable : ComposeFile.environment(services.get(module.artifactId())).entrySet()) {
                Optional<String> host = hostOf(variable.getValue());
                if (host.isPresent() && ports.containsKey(host.get()) && variable.getValue().contains("://")) {
                    assertThat(URI.create(variable.getValue()).getPort()).as(variable.getKey())
                            .isEqualTo(ports.get(host.get()));
                    checked++;
                }
            }
        }
        assertThat(checked).as("gateway routes checked").isEqualTo(modules.size() - 1);
    }

    @Test
    void postgresHasLogicalWalAndEveryServicesDatabase() {
        Map<String, Object> postgres = compose.services().get("postgres");
        assertThat(String.join(" ", stringList(postgres.get("command")))).contains("wal_level=logical");
        String init = RepositoryFiles.read(mountedFile(postgres, "/docker-entrypoint-initdb.d/"));
        for (ServiceModule module : modules) {
            databaseOf(module).ifPresent(database ->
                    assertThat(init).as("database of %s", module.artifactId())
                            .containsPattern("(?i)CREATE DATABASE\\s+" + database + "\\s*;"));
        }
    }

    @Test
    void keycloakImportsTheRealmWithItsPlaceholdersSet() {
        Map<String, Object> keycloak = compose.services().get("keycloak");
        Path realm = mountedFile(keycloak, "/opt/keycloak/data/import/");
        assertThat(realm).isEqualTo(RepositoryFiles.path("platform/keycloak/appointments-realm.json"));
        assertThat(String.join(" ", stringList(keycloak.get("command")))).contains("--import-realm");
        Map<String, String> environment = ComposeFile.environment(keycloak);
        assertThat(environment.keySet()).containsAll(realmVariables());
        // the secret the realm gives identity-service's client is the one identity-service presents
        assertThat(environment.get("IDENTITY_CLIENT_SECRET"))
                .isEqualTo(ComposeFile.environment(compose.services().get("identity-service")).get("IDENTITY_CLIENT_SECRET"));
    }

    @Test
    void everyInterpolatedVariableHasADefault() {
        assertThat(compose.variablesWithoutDefault).isEmpty();
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        List<String> command = composeCommand();
        assumeTrue(!command.isEmpty(), "neither `docker compose` nor docker-compose is installed");
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-f", ComposeFile.LOCATION.toString(), "config", "--quiet"));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    static Set<String> realmVariables() {
        Set<String> variables = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)")
                .matcher(RepositoryFiles.read(RepositoryFiles.path("platform/keycloak/appointments-realm.json")));
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    private static List<String> composeCommand() throws Exception {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            try {
                List<String> version = new ArrayList<>(candidate);
                version.add("version");
                Process process = new ProcessBuilder(version).redirectErrorStream(true).start();
                process.getOutputStream().close();
                process.getInputStream().readAllBytes();
                if (process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0) {
                    return candidate;
                }
            } catch (java.io.IOException notInstalled) {
                // try the next one
            }
        }
        return List.of();
    }

    /** The host file bind-mounted into the container under that directory. */
    private static Path mountedFile(Map<String, Object> service, String containerDirectory) {
        for (String volume : stringList(service.get("volumes"))) {
            String[] parts = volume.split(":");
            if (parts.length >= 2 && parts[1].startsWith(containerDirectory) && parts[0].startsWith(".")) {
                Path file = ComposeFile.LOCATION.getParent().resolve(parts[0]).normalize();
                assertThat(Files.isRegularFile(file)).as("%s exists", file).isTrue();
                return file;
            }
        }
        throw new AssertionError("no file mounted under " + containerDirectory);
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> databaseOf(ServiceModule module) {
        Map<String, Object> config = RepositoryFiles.yaml(module.directory().resolve("src/main/resources/application.yml"));
        Object careslot = config.get("careslot");
        return careslot instanceof Map<?, ?> map && map.get("database") instanceof String database
                ? Optional.of(database) : Optional.empty();
    }

    /** The host of a URL, of host:port or of a bare host name; empty for anything else (lists, numbers ...). */
    private static Optional<String> hostOf(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.matches("[a-z][a-z0-9+.-]*://[^/,\\s]+.*")) {
            return Optional.ofNullable(URI.create(value).getHost());
        }
        Matcher hostAndPort = Pattern.compile("([a-z][a-z0-9.-]*)(:\\d+)?").matcher(value);
        return hostAndPort.matches() ? Optional.of(hostAndPort.group(1)) : Optional.empty();
    }

    private static List<String> stringList(Object node) {
        if (node instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return node == null ? List.of() : List.of(String.valueOf(node));
    }
}
