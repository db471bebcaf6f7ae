package org.careslot.deployment;

import org.careslot.deployment.ServiceModules.ServiceModule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Jib configuration of the root pom: one image per service, non-root, container JVM flags, opt-in only. */
class ImageConfigurationTest {

    private static final String JIB = "jib-maven-plugin";
    private static Element rootPom;

    @BeforeAll
    static void parse() {
        rootPom = RepositoryFiles.xml(RepositoryFiles.path("pom.xml")).getDocumentElement();
    }

    @Test
    void namesEveryImageAfterItsServiceAndVersion() {
        Element configuration = managedJib().flatMap(jib -> RepositoryFiles.child(jib, "configuration")).orElseThrow();
        assertThat(RepositoryFiles.descend(configuration, "to", "image").map(Element::getTextContent))
                .contains("careslot/${project.artifactId}:${project.version}");
        assertThat(RepositoryFiles.descend(configuration, "from", "image").map(Element::getTextContent))
                .contains("${jib.base.image}");
        assertThat(property("jib.base.image")).startsWith("eclipse-temurin:21");
    }

    @Test
    void runsAsANumericNonRootUserWithContainerAwareHeap() {
        Element container = managedJib().flatMap(jib -> RepositoryFiles.descend(jib, "configuration", "container"))
                .orElseThrow();
        assertThat(RepositoryFiles.childText(container, "user")).contains("${image.user}");
        assertThat(property("image.user")).matches("[1-9][0-9]*(:[0-9]+)?");
        List<String> flags = RepositoryFiles.child(container, "jvmFlags").stream()
                .flatMap(f -> RepositoryFiles.children(f, "jvmFlag").stream()).map(e -> e.getTextContent().trim())
                .toList();
        assertThat(flags).anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="))
                .noneMatch(flag -> flag.contains("TieredStopAtLevel") || flag.startsWith("-Xmx"));
        assertThat(RepositoryFiles.descend(container, "ports", "port").map(Element::getTextContent))
                .contains("${image.port}");
    }

    @Test
    void exposesEachServicesDefaultPort() {
        List<ServiceModule> modules = ServiceModules.all();
        assertThat(modules).hasSize(6);
        for (ServiceModule module : modules) {
            assertThat(module.imagePort()).as("image.port of %s", module.artifactId()).contains(module.port());
        }
    }

    @Test
    void buildsImagesOnlyInTheImagesProfile() {
        Optional<Element> mainBuild = RepositoryFiles.descend(rootPom, "build", "plugins");
        assertThat(mainBuild.stream().flatMap(p -> RepositoryFiles.children(p, "plugin").stream())
                .map(p -> RepositoryFiles.childText(p, "artifactId").orElse(""))).doesNotContain(JIB);
        Element profiles = RepositoryFiles.child(rootPom, "profiles").orElseThrow();
        Element images = RepositoryFiles.children(profiles, "profile").stream()
                .filter(p -> RepositoryFiles.childText(p, "id").filter("images"::equals).isPresent())
                .findFirst().orElseThrow();
        assertThat(images.getTextContent()).contains(JIB).contains("buildTar");
        assertThat(property("jib.skip")).as("modules without an image skip Jib").isEqualTo("true");
    }

    private static String property(String name) {
        return RepositoryFiles.descend(rootPom, "properties", name).map(e -> e.getTextContent().trim()).orElseThrow();
    }

    private static Optional<Element> managedJib() {
        return RepositoryFiles.descend(rootPom, "build", "pluginManagement", "plugins").stream()
                .flatMap(p -> RepositoryFiles.children(p, "plugin").stream())
                .filter(p -> RepositoryFiles.childText(p, "artifactId").filter(JIB::equals).isPresent())
                .findFirst();
    }
}
