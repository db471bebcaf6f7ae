package org.careslot.platform.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The Zipkin server exec jar ({@code io.zipkin:zipkin-server:<version>:exec} from the local Maven repository), a
 * self-contained trace UI and span store. Only its Zipkin v2 endpoint ({@code POST /api/v2/spans}) is used: its OTLP
 * receiver is not published to Maven Central.
 */
public final class ZipkinServerJar {

    /** System property naming the jar explicitly (wins over the local Maven repository). */
    public static final String JAR_PROPERTY = "zipkin.server.jar";

    private ZipkinServerJar() {
    }

    /** The Zipkin version this build was made with (infra-servers' pom property {@code zipkin-server.version}). */
    public static String version() {
        return buildFacts().getProperty("zipkin.version");
    }

    /** {@code -Dzipkin.server.jar}, else the artifact in the local Maven repository. */
    public static Path locate() {
        String explicit = System.getProperty(JAR_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path jar = Path.of(explicit);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(JAR_PROPERTY + " points at " + jar + ", which is not a file");
            }
            return jar;
        }
        Properties facts = buildFacts();
        String version = facts.getProperty("zipkin.version");
        String artifactId = facts.getProperty("zipkin.artifactId");
        Path jar = localMavenRepository()
                .resolve(facts.getProperty("zipkin.groupId").replace('.', '/'))
                .resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + "-" + facts.getProperty("zipkin.classifier") + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Zipkin server not found at " + jar + ". Build tooling/infra-servers once "
                    + "(Maven downloads it), or point -D" + JAR_PROPERTY + " at the exec jar.");
        }
        return jar;
    }

    private static Path localMavenRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static Properties buildFacts() {
        try (InputStream in = ZipkinServerJar.class.getResourceAsStream("zipkin-server.properties")) {
            if (in == null) {
                throw new IllegalStateException("zipkin-server.properties missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            if (properties.getProperty("zipkin.version", "").startsWith("@")) {
                throw new IllegalStateException("zipkin-server.properties was not filtered by Maven");
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
