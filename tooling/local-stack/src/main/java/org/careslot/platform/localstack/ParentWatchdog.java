package org.careslot.platform.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Java agent loaded into every JVM the launcher starts ({@code -javaagent:watchdog.jar=<launcher pid>}): when the
 * launcher disappears without stopping its children (SIGKILL, OOM killer, a crashed terminal), the child exits on
 * its own within about a second, running its shutdown hooks as on SIGTERM. It also covers the Keycloak JVM through
 * JAVA_OPTS_APPEND.
 *
 * <p>The agent jar is written at run time from this one class, so that nothing else of the launcher's classpath
 * leaks into the children.
 */
public final class ParentWatchdog {

    private static final long POLL_MILLIS = 1000;
    /** A child that hangs in its shutdown hooks is halted after this long. */
    private static final long HALT_AFTER_MILLIS = 30_000;

    private ParentWatchdog() {
    }

    public static void premain(String agentArgs) {
        long parentPid;
        try {
            parentPid = Long.parseLong(agentArgs == null ? "" : agentArgs.trim());
        } catch (NumberFormatException e) {
            System.err.println("[careslot-watchdog] expected the parent pid as agent argument, got: " + agentArgs);
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        // a pid can be reused: compare start times so another process with the same pid does not keep us alive
        Optional<Instant> parentStart = parent.flatMap(handle -> handle.info().startInstant());
        Thread watchdog = new Thread(() -> watch(parentPid, parentStart), "careslot-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void watch(long parentPid, Optional<Instant> parentStart) {
        while (isAlive(parentPid, parentStart)) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
        System.err.println("[careslot-watchdog] launcher (pid " + parentPid + ") is gone: shutting down");
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_MILLIS);
            } catch (InterruptedException ignored) {
                // fall through to halt
            }
            Runtime.getRuntime().halt(137);
        }, "careslot-parent-watchdog-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(143);
    }

    private static boolean isAlive(long pid, Optional<Instant> expectedStart) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        if (expectedStart.isEmpty()) {
            return true;
        }
        return handle.get().info().startInstant().map(expectedStart.get()::equals).orElse(true);
    }

    /** Writes the agent jar (this class only) to {@code target} and returns the JVM option that loads it. */
    static String writeAgentJar(Path target) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatchdog.class.getName());
        String entryName = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "watchdog", ".jar");
        try (InputStream classBytes = ParentWatchdog.class.getClassLoader().getResourceAsStream(entryName);
             OutputStream out = Files.newOutputStream(temporary);
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            if (classBytes == null) {
                throw new IOException("class file " + entryName + " not found on the launcher's classpath");
            }
            jar.putNextEntry(new JarEntry(entryName));
            classBytes.transferTo(jar);
            jar.closeEntry();
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return "-javaagent:" + target.toAbsolutePath() + "=" + ProcessHandle.current().pid();
    }
}
