package org.careslot.platform.testkit.conventions;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module rules of every service, checked on its compiled classes (a service's test calls {@link #verify}):
 * <ul>
 *   <li>no service depends on another service's code, only on the platform (services share the event contract,
 *       never classes);</li>
 *   <li>the platform holds no domain code: nothing under {@code org.careslot.platform} depends on a service;</li>
 *   <li>inside a feature package ({@code org.careslot.<service>.<feature>}): {@code domain} is plain Java (no Spring,
 *       JPA, JDBC or web types, no adapters), {@code api} does not reach into {@code persistence} or
 *       {@code messaging}, and adapters do not depend on {@code api};</li>
 *   <li>features meet only at their top-level package: no feature uses another feature's {@code api},
 *       {@code persistence} or {@code messaging} package.</li>
 * </ul>
 */
public final class ServiceArchitecture {

    /** The root packages of the deployable applications. */
    public static final List<String> SERVICES = List.of("identity", "doctor", "booking", "notification",
            "reporting", "gateway");

    private static final Set<String> ADAPTERS = Set.of("api", "persistence", "messaging");

    private ServiceArchitecture() {
    }

    /** Checks every rule for the service whose root package is {@code org.careslot.<service>}. */
    public static void verify(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("unknown service " + service + "; known: " + SERVICES);
        }
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.careslot");
        // all rules at once, so one run lists every violation
        CompositeArchRule.of(rules(service)).check(classes);
    }

    static List<ArchRule> rules(String service) {
        String root = "org.careslot." + service;
        String[] otherServices = SERVICES.stream().filter(s -> !s.equals(service))
                .map(s -> "org.careslot." + s + "..").toArray(String[]::new);
        String[] allServices = SERVICES.stream().map(s -> "org.careslot." + s + "..").toArray(String[]::new);
        return List.of(
                noClasses().that().resideInAPackage(root + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(otherServices)
                        .as("no class of " + service + " depends on another service"),
                noClasses().that().resideInAPackage("org.careslot.platform..")
                        .should().dependOnClassesThat().resideInAnyPackage(allServices)
                        .as("the platform holds no domain code: it depends on no service"),
                noClasses().that().resideInAPackage(root + "..domain..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                                "jakarta.servlet..", "java.sql..", root + "..api..", root + "..persistence..",
                                root + "..messaging..")
                        .as("domain packages of " + service + " are plain Java: no Spring, JPA, JDBC or adapters")
                        .allowEmptyShould(true),
                noClasses().that().resideInAPackage(root + "..api..")
                        .should().dependOnClassesThat().resideInAnyPackage(root + "..persistence..", root + "..messaging..")
                        .as("api packages of " + service + " use the feature's services, not its persistence or messaging")
                        .allowEmptyShould(true),
                noClasses().that().resideInAnyPackage(root + "..persistence..", root + "..messaging..")
                        .should().dependOnClassesThat().resideInAPackage(root + "..api..")
                        .as("adapters of " + service + " do not depend on its api packages")
                        .allowEmptyShould(true),
                classes().that().resideInAPackage(root + "..")
                        .should(useOnlyTheirOwnFeaturesAdapters(root))
                        .as("features of " + service + " meet only at their top-level package"));
    }

    private static ArchCondition<JavaClass> useOnlyTheirOwnFeaturesAdapters(String root) {
        Pattern feature = Pattern.compile(Pattern.quote(root) + "\\.([a-z0-9_]+)(?:\\.([a-z0-9_]+))?.*");
        return new ArchCondition<>("use no other feature's api, persistence or messaging package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<String> own = featureOf(feature, item.getPackageName());
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    Matcher m = feature.matcher(target + ".");
                    if (!m.matches() || m.group(2) == null || !ADAPTERS.contains(m.group(2))) {
                        continue;
                    }
                    if (own.isEmpty() || !own.get().equals(m.group(1))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static Optional<String> featureOf(Pattern feature, String packageName) {
        Matcher m = feature.matcher(packageName + ".");
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

}
