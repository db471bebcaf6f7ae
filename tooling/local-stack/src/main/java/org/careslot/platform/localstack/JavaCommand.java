package org.careslot.platform.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the launcher starts child JVMs: with the same java executable it runs on (local-stack.sh picked a JDK ≥ 21),
 * the parent watchdog agent, and — for the Kafka broker — the launcher's own lib directory as classpath.
 *
 * @param javaExecutable the java binary of this JVM
 * @param watchdogOption {@code -javaagent:...=<launcher pid>}
 * @param libDir         the launcher's copied dependencies (target/lib next to the launcher jar)
 */
record JavaCommand(String javaExecutable, String watchdogOption, Path libDir) {

    static JavaCommand of(Path launcherJar, String watchdogOption) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path libDir = launcherJar == null ? null : launcherJar.toAbsolutePath().getParent().resolve("lib");
        return new JavaCommand(java, watchdogOption, libDir);
    }

    /** {@code java <options> <watchdog>}; the main class or -jar follows. */
    List<String> baseCommand(String javaOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        Arrays.stream(javaOptions.trim().split("\\s+")).filter(option -> !option.isEmpty()).forEach(command::add);
        if (watchdogOption != null) {
            command.add(watchdogOption);
        }
        return command;
    }

    String libClasspath() {
        if (libDir == null || !Files.isDirectory(libDir)) {
            throw new IllegalStateException("the launcher's dependency directory is missing (" + libDir
                    + "): build tooling/local-stack with ./mvnw -pl tooling/local-stack package");
        }
        return libDir.resolve("*").toString();
    }
}
