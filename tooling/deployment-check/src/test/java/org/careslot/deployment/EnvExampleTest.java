package org.careslot.deployment;

import org.careslot.deployment.ServiceModules.ServiceModule;
import org.careslot.deployment.ServiceModules.Variable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** .env.example lists every variable a component reads, with the dev defaults, and marks what production changes. */
class EnvExampleTest {

    private static final String PRODUCTION_MARK = "[PRODUCTION]";

    /** name -> value, and name -> the comment lines right above it */
    private static final Map<String, String> values = new LinkedHashMap<>();
    private static final Map<String, String> comments = new LinkedHashMap<>();
    private static List<ServiceModule> modules;

    @BeforeAll
    static void parse() {
        modules = ServiceModules.all();
        StringBuilder comment = new StringBuilder();
        for (String line : RepositoryFiles.read(RepositoryFiles.path(".env.example")).split("\n")) {
            if (line.startsWith("#")) {
                comment.append(line).append('\n');
            } else if (line.matches("[A-Z][A-Z0-9_]*=.*")) {
                String name = line.substring(0, line.indexOf('='));
                assertThat(values).as("%s listed twice", name).doesNotContainKey(name);
                values.put(name, line.substring(line.indexOf('=') + 1));
                comments.put(name, comment.toString());
                comment.setLength(0);
            } else {
                assertThat(line.strip()).as("only comments and NAME=value lines: %s", line).isEmpty();
                comment.setLength(0);
            }
        }
    }

    @Test
    void listsEveryVariableAnyComponentReads() {
        Set<String> read = new TreeSet<>();
        modules.forEach(module -> read.addAll(module.variables().keySet()));
        read.addAll(ComposeFileTest.realmVariables());
        read.addAll(new ComposeFile().interpolatedVariables);
        read.add(DeploymentRules.TRACING_ENDPOINT_VARIABLE);
        read.add(DeploymentRules.ZIPKIN_ENDPOINT_VARIABLE);
        assertThat(values.keySet()).containsAll(read);
    }

    @Test
    void givesTheServicesOwnDefaults() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : modules) {
            for (Variable variable : module.variables().values()) {
                variable.defaultValue().filter(d -> values.containsKey(variable.name()))
                        // a default naming another property (${...}) is no literal to compare
                        .filter(d -> !d.contains("${"))
                        .filter(d -> !d.equals(values.get(variable.name())))
                        .ifPresent(d -> problems.add(variable.name() + "=" + values.get(variable.name())
                                + " but " + module.artifactId() + " defaults to " + d));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void marksSecretsAndLocalAddressesAsToChangeInProduction() {
        Set<String> mustChange = new TreeSet<>();
        for (ServiceModule module : modules) {
            module.variables().keySet().stream().filter(DeploymentRules::isSecret).forEach(mustChange::add);
            mustChange.addAll(DeploymentRules.addresses(module));
            mustChange.remove(DeploymentRules.TRACING_ENDPOINT_VARIABLE);
        }
        values.keySet().stream().filter(DeploymentRules::isSecret).forEach(mustChange::add);
        List<String> unmarked = mustChange.stream()
                .filter(name -> !comments.getOrDefault(name, "").contains(PRODUCTION_MARK)).toList();
        assertThat(unmarked).as("variables without a %s comment right above", PRODUCTION_MARK).isEmpty();
    }
}
