package org.careslot.deployment;

import org.careslot.deployment.ServiceModules.ServiceModule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** k8s/ rendered (base and the dev overlay) against the services' configuration, ports and images. */
class KubernetesManifestsTest {

    private static final String CONFIG_MAP = "careslot-config";
    private static final String SECRET = "careslot-secrets";

    private static List<ServiceModule> modules;
    private static List<Map<String, Object>> base;
    private static List<Map<String, Object>> dev;

    @BeforeAll
    static void render() {
        modules = ServiceModules.all();
        base = Kustomization.render(Kustomization.BASE);
        dev = Kustomization.render(Kustomization.DEV);
    }

    @Test
    void everyServiceHasADeploymentServiceAutoscalerAndDisruptionBudget() {
        for (List<Map<String, Object>> rendered : List.of(base, dev)) {
            for (ServiceModule module : modules) {
                String name = module.artifactId();
                Map<String, Object> deployment = one(rendered, "Deployment", name);
                Map<String, Object> podLabels = map(get(deployment, "spec", "template", "metadata", "labels"));
                assertThat(map(get(deployment, "spec", "selector", "matchLabels"))).isNotEmpty();
                assertThat(podLabels).containsAllEntriesOf(map(get(deployment, "spec", "selector", "matchLabels")));

                Map<String, Object> service = one(rendered, "Service", name);
                assertThat(podLabels).as("Service %s selects the pods", name)
                        .containsAllEntriesOf(map(get(service, "spec", "selector")));
                Map<String, Object> servicePort = map(list(get(service, "spec", "ports")).getFirst());
                assertThat(servicePort.get("port")).as("Service port of %s", name).isEqualTo(module.port());
                assertThat(containerPort(container(deployment), servicePort.get("targetPort")))
                        .as("Service %s targets the container port", name).isEqualTo(module.port());

                Map<String, Object> autoscaler = one(rendered, "HorizontalPodAutoscaler", name);
                assertThat(map(get(autoscaler, "spec", "scaleTargetRef")))
                        .containsEntry("kind", "Deployment").containsEntry("name", name);
                assertThat((Integer) get(autoscaler, "spec", "minReplicas")).isPositive();
                assertThat((Integer) get(autoscaler, "spec", "maxReplicas"))
                        .isGreaterThanOrEqualTo((Integer) get(autoscaler, "spec", "minReplicas"));
                assertThat(deployment.get("spec")).as("the autoscaler owns the replica count of %s", name)
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).doesNotContainKey("replicas");

                Map<String, Object> budget = one(rendered, "PodDisruptionBudget", name);
                assertThat(podLabels).as("PodDisruptionBudget %s selects the pods", name)
                        .containsAllEntriesOf(map(get(budget, "spec", "selector", "matchLabels")));
            }
        }
    }

    @Test
    void everyDeploymentIsProbedLimitedAndRunsAsNonRoot() {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : all(dev, "Deployment")) {
            String name = Kustomization.name(deployment);
            Map<String, Object> pod = map(get(deployment, "spec", "template", "spec"));
            for (Object entry : list(pod.get("containers"))) {
                Map<String, Object> container = map(entry);
                probe(container, "livenessProbe", "/actuator/health/liveness", name, problems);
                probe(container, "readinessProbe", "/actuator/health/readiness", name, problems);
                for (String kind : List.of("requests", "limits")) {
                    Map<String, Object> resources = map(get(container, "resources", kind));
                    if (!resources.containsKey("cpu") || !resources.containsKey("memory")) {
                        problems.add(name + ": resources." + kind + " needs cpu and memory");
                    }
                }
                Map<String, Object> podSecurity = map(pod.get("securityContext"));
                Map<String, Object> security = new LinkedHashMap<>(podSecurity);
                security.putAll(map(container.get("securityContext")));
                if (!Boolean.TRUE.equals(security.get("runAsNonRoot"))) {
                    problems.add(name + ": runAsNonRoot is not true");
                }
                if (!(security.get("runAsUser") instanceof Integer user) || user == 0) {
                    problems.add(name + ": runAsUser must be a non-zero uid (the image's user is numeric)");
                }
                if (Boolean.TRUE.equals(security.get("allowPrivilegeEscalation"))) {
                    problems.add(name + ": allows privilege escalation");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(all(dev, "Deployment")).hasSize(modules.size());
    }

    @Test
    void runsTheJibImages() {
        for (ServiceModule module : modules) {
            assertThat(container(one(base, "Deployment", module.artifactId())).get("image"))
                    .isEqualTo(DeploymentRules.imageName(module));
        }
    }

    @Test
    void setsWhatEveryServiceNeedsFromTheConfigMapAndTheSecret() {
        Map<String, Object> settings = map(one(dev, "ConfigMap", CONFIG_MAP).get("data"));
        Map<String, Object> baseSettings = map(one(base, "ConfigMap", CONFIG_MAP).get("data"));
        Map<String, Object> secret = one(dev, "Secret", SECRET);
        Map<String, Object> secrets = new LinkedHashMap<>(map(secret.get("stringData")));
        secrets.putAll(map(secret.get("data")));
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : modules) {
            String name = module.artifactId();
            Map<String, Map<String, Object>> environment = new LinkedHashMap<>();
            for (Object entry : list(container(one(dev, "Deployment", name)).get("env"))) {
                environment.put(String.valueOf(map(entry).get("name")), map(entry));
            }
            for (String required : DeploymentRules.required(module)) {
                if (!environment.containsKey(required)) {
                    problems.add(name + ": " + required + " is not set");
                }
            }
            environment.forEach((variable, entry) -> {
                if (!DeploymentRules.readBy(module, variable)) {
                    problems.add(name + ": sets " + variable + ", which it does not read");
                }
                Map<String, Object> fromConfig = map(get(entry, "valueFrom", "configMapKeyRef"));
                Map<String, Object> fromSecret = map(get(entry, "valueFrom", "secretKeyRef"));
                if (DeploymentRules.isSecret(variable) && fromSecret.isEmpty()) {
                    problems.add(name + ": secret " + variable + " must come from a Secret");
                }
                if (!fromConfig.isEmpty() && (!CONFIG_MAP.equals(fromConfig.get("name"))
                        || !settings.containsKey(String.valueOf(fromConfig.get("key"))))) {
                    problems.add(name + ": " + variable + " refers to a missing ConfigMap key " + fromConfig);
                }
                if (!fromSecret.isEmpty() && (!SECRET.equals(fromSecret.get("name"))
                        || !secrets.containsKey(String.valueOf(fromSecret.get("key"))))) {
                    problems.add(name + ": " + variable + " refers to a missing Secret key " + fromSecret);
                }
                if (DeploymentRules.addresses(module).contains(variable)) {
                    for (Map<String, Object> data : List.of(settings, baseSettings)) {
                        Object value = fromConfig.isEmpty() ? entry.get("value") : data.get(fromConfig.get("key"));
                        if (value == null || DeploymentRules.pointsAtThisMachine(String.valueOf(value))) {
                            problems.add(name + ": " + variable + " must name a reachable host, is " + value);
                        }
                    }
                }
            });
        }
        settings.keySet().stream().filter(DeploymentRules::isSecret)
                .forEach(key -> problems.add("ConfigMap holds the secret " + key));
        assertThat(problems).isEmpty();
    }

    @Test
    void secretsAreNotPartOfTheBase() {
        assertThat(all(base, "Secret")).isEmpty();
    }

    @Test
    void gatewayRoutesReachTheServicesByTheirServiceNamesAndPorts() {
        Map<String, Object> settings = map(one(dev, "ConfigMap", CONFIG_MAP).get("data"));
        for (ServiceModule module : modules) {
            if (module.artifactId().equals("gateway")) {
                continue;
            }
            String variable = module.artifactId().replace("-service", "").toUpperCase() + "_URL";
            assertThat(settings.get(variable)).as(variable)
                    .isEqualTo("http://" + module.artifactId() + ":" + module.port());
        }
    }

    @Test
    void handRenderingAgreesWithKubectl() {
        Optional<Path> kubectl = Kustomization.kubectl();
        assumeTrue(kubectl.isPresent(), "kubectl is not installed");
        for (Path directory : List.of(Kustomization.BASE, Kustomization.DEV)) {
            assertThat(Kustomization.byHand(directory)).as(directory.toString())
                    .isEqualTo(Kustomization.withKubectl(kubectl.get(), directory));
        }
    }

    private static void probe(Map<String, Object> container, String probe, String path, String name,
                              List<String> problems) {
        Map<String, Object> httpGet = map(get(container, probe, "httpGet"));
        if (!path.equals(httpGet.get("path"))) {
            problems.add(name + ": " + probe + " must GET " + path + ", is " + httpGet);
        } else if (containerPort(container, httpGet.get("port")) == null) {
            problems.add(name + ": " + probe + " port " + httpGet.get("port") + " is not a container port");
        }
    }

    /** A port given by number or by the name of one of the container's ports, as that container's number. */
    private static Integer containerPort(Map<String, Object> container, Object port) {
        for (Object entry : list(container.get("ports"))) {
            Map<String, Object> declared = map(entry);
            if (declared.get("containerPort").equals(port) || String.valueOf(declared.get("name")).equals(String.valueOf(port))) {
                return (Integer) declared.get("containerPort");
            }
        }
        return null;
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        List<Object> containers = list(get(deployment, "spec", "template", "spec", "containers"));
        assertThat(containers).as("containers of %s", Kustomization.name(deployment)).hasSize(1);
        return map(containers.getFirst());
    }

    private static List<Map<String, Object>> all(List<Map<String, Object>> rendered, String kind) {
        return rendered.stream().filter(o -> Kustomization.kind(o).equals(kind)).toList();
    }

    private static Map<String, Object> one(List<Map<String, Object>> rendered, String kind, String name) {
        List<Map<String, Object>> found = all(rendered, kind).stream()
                .filter(o -> Kustomization.name(o).equals(name)).toList();
        assertThat(found).as("%s %s", kind, name).hasSize(1);
        return found.getFirst();
    }

    private static Object get(Map<String, Object> node, String... path) {
        Object current = node;
        for (String step : path) {
            current = current instanceof Map<?, ?> map ? map.get(step) : null;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node instanceof List<?> list ? (List<Object>) list : List.of();
    }
}
