package org.careslot.platform.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Keycloak install root the test-kit uses too, so a build unpacks the distribution once. */
final class SharedBuildDirectory {

    private SharedBuildDirectory() {
    }

    static Path keycloakInstallRoot() {
        Path module = Path.of("").toAbsolutePath();
        for (Path dir = module; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".mvn"))) {
                return dir.resolve("target/keycloak");
            }
        }
        return module.resolve("target/keycloak");
    }
}
