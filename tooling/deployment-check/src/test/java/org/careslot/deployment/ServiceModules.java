package org.careslot.deployment;

import org.w3c.dom.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The services as their modules define them: a module of the root pom whose image is built (it sets
 * {@code jib.skip=false} or inherits it from service-parent), its default port and every environment variable its
 * configuration reads ({@code ${VAR}} / {@code ${VAR:default}} in its application*.yml/properties, plus the platform
 * defaults every service-parent child gets from platform/web).
 */
final class ServiceModules {

    static final String PLATFORM_DEFAULTS = "platform/web/src/main/resources/careslot-service-defaults.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern APPLICATION_CONFIG = Pattern.compile("application(-[a-z0-9]+)?\\.(ya?ml|properties)");

    /** @param defaultValue empty when the variable has no default (then it must be set) */
    record Variable(String name, Optional<String> defaultValue) {
    }

    record ServiceModule(String artifactId, Path directory, String version, int port,
                         Optional<Integer> imagePort, Map<String, Variable> variables) {
    }

    private ServiceModules() {
    }

    static List<ServiceModule> all() {
        Element rootPom = RepositoryFiles.xml(RepositoryFiles.path("pom.xml")).getDocumentElement();
        String version = RepositoryFiles.childText(rootPom, "version").orElseThrow();
        Element modules = RepositoryFiles.child(rootPom, "modules").orElseThrow();
        List<ServiceModule> services = new ArrayList<>();
        for (Element module : RepositoryFiles.children(modules, "module")) {
            Path directory = RepositoryFiles.path(module.getTextContent().trim());
            Element pom = RepositoryFiles.xml(directory.resolve("pom.xml")).getDocumentElement();
            String parent = RepositoryFiles.descend(pom, "parent", "artifactId").map(e -> e.getTextContent().trim())
                    .orElse("");
            Optional<String> jibSkip = RepositoryFiles.descend(pom, "properties", "jib.skip")
                    .map(e -> e.getTextContent().trim());
            boolean packagedAsPom = RepositoryFiles.childText(pom, "packaging").filter("pom"::equals).isPresent();
            boolean serviceParentChild = parent.equals("service-parent");
            if (packagedAsPom || !(serviceParentChild || jibSkip.filter("false"::equals).isPresent())) {
                continue;
            }
            Map<String, Variable> variables = new LinkedHashMap<>();
            for (Path config : applicationConfigs(directory)) {
                variables.putAll(variablesIn(RepositoryFiles.read(config)));
            }
            if (serviceParentChild) {
                variables.putAll(variablesIn(RepositoryFiles.read(RepositoryFiles.path(PLATFORM_DEFAULTS))));
            }
            Optional<Integer> imagePort = RepositoryFiles.descend(pom, "properties", "image.port")
                    .map(e -> Integer.parseInt(e.getTextContent().trim()));
            services.add(new ServiceModule(RepositoryFiles.childText(pom, "artifactId").orElseThrow(), directory,
                    version, defaultPort(directory), imagePort, variables));
        }
        return services;
    }

    /** Every placeholder outside comment lines; a variable read twice keeps its first default. */
    static Map<String, Variable> variablesIn(String configuration) {
        Map<String, Variable> variables = new LinkedHashMap<>();
        for (String line : configuration.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            Matcher matcher = PLACEHOLDER.matcher(line);
            while (matcher.find()) {
                variables.putIfAbsent(matcher.group(1),
                        new Variable(matcher.group(1), Optional.ofNullable(matcher.group(2))));
            }
        }
        return variables;
    }

    private static List<Path> applicationConfigs(Path module) {
        Path resources = module.resolve("src/main/resources");
        if (!Files.isDirectory(resources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(resources)) {
            return files.filter(f -> APPLICATION_CONFIG.matcher(f.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** server.port of application.yml: a number or ${VAR:number}. */
    @SuppressWarnings("unchecked")
    private static int defaultPort(Path module) {
        Map<String, Object> config = RepositoryFiles.yaml(module.resolve("src/main/resources/application.yml"));
        Object port = ((Map<String, Object>) config.get("server")).get("port");
        Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(port));
        return Integer.parseInt(placeholder.matches() ? placeholder.group(2) : String.valueOf(port));
    }
}
