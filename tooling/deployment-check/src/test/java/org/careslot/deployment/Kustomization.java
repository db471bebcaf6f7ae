package org.careslot.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization under k8s/: with {@code kubectl kustomize} where kubectl is installed, else by following
 * the kustomization by hand — the subset k8s/ uses: resources (files and directories), namespace, labels (metadata
 * only), strategic-merge patches by kind and name, and JSON 6902 patches by target kind/name.
 * {@link KubernetesManifestsTest} checks that both give the same objects where kubectl exists.
 */
final class Kustomization {

    static final Path BASE = RepositoryFiles.path("k8s/base");
    static final Path DEV = RepositoryFiles.path("k8s/overlays/dev");

    private Kustomization() {
    }

    static List<Map<String, Object>> render(Path directory) {
        return kubectl().map(kubectl -> withKubectl(kubectl, directory)).orElseGet(() -> byHand(directory));
    }

    static Optional<Path> kubectl() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry, "kubectl");
            if (!entry.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static List<Map<String, Object>> withKubectl(Path kubectl, Path directory) {
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                    .redirectErrorStream(false).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + directory + " failed: " + errors);
            }
            return sorted(objects(output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Map<String, Object>> byHand(Path directory) {
        return sorted(follow(directory));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> follow(Path directory) {
        Map<String, Object> kustomization = RepositoryFiles.yaml(directory.resolve("kustomization.yaml"));
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object resource : list(kustomization.get("resources"))) {
            Path path = directory.resolve(String.valueOf(resource)).normalize();
            objects.addAll(Files.isDirectory(path) ? follow(path) : objects(RepositoryFiles.read(path)));
        }
        for (Object entry : list(kustomization.get("patches"))) {
            Map<String, Object> patch = (Map<String, Object>) entry;
            if (patch.containsKey("path")) {
                Map<String, Object> overlay = RepositoryFiles.yaml(directory.resolve(String.valueOf(patch.get("path"))));
                Map<String, Object> target = objects.stream().filter(o -> sameObject(o, overlay)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("patch without target: " + patch));
                merge(target, overlay);
            } else {
                Map<String, Object> target = (Map<String, Object>) patch.get("target");
                List<Object> operations = (List<Object>) RepositoryFiles.yamlDocuments(String.valueOf(patch.get("patch")))
                        .getFirst();
                objects.stream().filter(o -> matches(o, target))
                        .forEach(o -> operations.forEach(op -> apply(o, (Map<String, Object>) op)));
            }
        }
        for (Object entry : list(kustomization.get("labels"))) {
            Map<String, Object> pairs = (Map<String, Object>) ((Map<String, Object>) entry).get("pairs");
            objects.forEach(o -> ((Map<String, Object>) metadata(o).computeIfAbsent("labels", k -> new LinkedHashMap<>()))
                    .putAll(pairs));
        }
        if (kustomization.get("namespace") instanceof String namespace) {
            objects.forEach(o -> metadata(o).put("namespace", namespace));
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : RepositoryFiles.yamlDocuments(yaml)) {
            objects.add(deepCopy((Map<String, Object>) document));
        }
        return objects;
    }

    static String kind(Map<String, Object> object) {
        return String.valueOf(object.get("kind"));
    }

    static String name(Map<String, Object> object) {
        return String.valueOf(metadata(object).get("name"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> objects) {
        List<Map<String, Object>> sorted = new ArrayList<>(objects);
        sorted.sort(Comparator.comparing((Map<String, Object> o) -> kind(o)).thenComparing(Kustomization::name));
        return sorted;
    }

    private static boolean sameObject(Map<String, Object> object, Map<String, Object> patch) {
        return kind(object).equals(kind(patch)) && name(object).equals(name(patch));
    }

    private static boolean matches(Map<String, Object> object, Map<String, Object> target) {
        return (!target.containsKey("kind") || kind(object).equals(target.get("kind")))
                && (!target.containsKey("name") || name(object).equals(target.get("name")));
    }

    /** Strategic merge as far as k8s/ needs it: maps merge, a null removes, lists and scalars replace. */
    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> map && target.get(key) instanceof Map<?, ?> existing) {
                merge((Map<String, Object>) existing, (Map<String, Object>) map);
            } else {
                target.put(key, deepCopy(value));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void apply(Map<String, Object> object, Map<String, Object> operation) {
        String op = String.valueOf(operation.get("op"));
        String[] steps = String.valueOf(operation.get("path")).substring(1).split("/");
        Object parent = object;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = step(parent, unescape(steps[i]));
            if (parent == null) {
                throw new IllegalStateException("JSON patch path not found: " + operation.get("path"));
            }
        }
        String last = unescape(steps[steps.length - 1]);
        switch (op) {
            case "add", "replace" -> {
                if (parent instanceof Map<?, ?> map) {
                    if (op.equals("replace") && !map.containsKey(last)) {
                        throw new IllegalStateException("replace of a missing member: " + operation.get("path"));
                    }
                    ((Map<String, Object>) map).put(last, deepCopy(operation.get("value")));
                } else {
                    List<Object> list = (List<Object>) parent;
                    if (op.equals("add")) {
                        list.add(last.equals("-") ? list.size() : Integer.parseInt(last), deepCopy(operation.get("value")));
                    } else {
                        list.set(Integer.parseInt(last), deepCopy(operation.get("value")));
                    }
                }
            }
            case "remove" -> {
                if (parent instanceof Map<?, ?> map) {
                    map.remove(last);
                } else {
                    ((List<Object>) parent).remove(Integer.parseInt(last));
                }
            }
            default -> throw new IllegalStateException("JSON patch operation not supported here: " + op);
        }
    }

    private static Object step(Object node, String key) {
        if (node instanceof Map<?, ?> map) {
            return map.get(key);
        }
        if (node instanceof List<?> list) {
            return list.get(Integer.parseInt(key));
        }
        return null;
    }

    private static String unescape(String step) {
        return step.replace("~1", "/").replace("~0", "~");
    }

    private static List<?> list(Object node) {
        return node instanceof List<?> list ? list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return (T) copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return node;
    }
}
