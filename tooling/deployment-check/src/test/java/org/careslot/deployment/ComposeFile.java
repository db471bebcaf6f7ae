package org.careslot.deployment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * platform/docker-compose.yml as Compose would see it with no variables set: merge keys resolved, every
 * {@code ${VAR:-default}} replaced by its default, {@code $$} by {@code $}.
 */
final class ComposeFile {

    static final Path LOCATION = RepositoryFiles.path("platform/docker-compose.yml");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    final Map<String, Object> model;
    final Set<String> interpolatedVariables = new TreeSet<>();
    /** ${VAR} without a default: Compose would need it from the environment or --env-file */
    final Set<String> variablesWithoutDefault = new TreeSet<>();

    ComposeFile() {
        model = asMap(interpolate(RepositoryFiles.yaml(LOCATION)));
    }

    Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        asMap(model.get("services")).forEach((name, service) -> services.put(name, asMap(service)));
        return services;
    }

    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((k, v) -> environment.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (declared instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        }
        return environment;
    }

    /** depends_on as name -> condition (the short list form means service_started). */
    static Map<String, String> dependencies(Map<String, Object> service) {
        Map<String, String> dependencies = new LinkedHashMap<>();
        Object declared = service.get("depends_on");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((name, options) -> dependencies.put(String.valueOf(name),
                    String.valueOf(asMap(options).getOrDefault("condition", "service_started"))));
        } else if (declared instanceof List<?> list) {
            list.forEach(name -> dependencies.put(String.valueOf(name), "service_started"));
        }
        return dependencies;
    }

    private Object interpolate(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), interpolate(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(this::interpolate).toList();
        }
        if (node instanceof String text) {
            Matcher matcher = INTERPOLATION.matcher(text);
            StringBuilder result = new StringBuilder();
            while (matcher.find()) {
                String replacement;
                if (matcher.group().equals("$$")) {
                    replacement = "$";
                } else {
                    interpolatedVariables.add(matcher.group(1));
                    if (matcher.group(2) == null) {
                        variablesWithoutDefault.add(matcher.group(1));
                    }
                    replacement = matcher.group(2) == null ? "" : matcher.group(2);
                }
                matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(result);
            return result.toString();
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }
}
