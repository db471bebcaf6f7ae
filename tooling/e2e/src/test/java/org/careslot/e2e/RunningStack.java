package org.careslot.e2e;

import org.careslot.platform.localstack.LauncherProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform, started once per test JVM exactly as {@code ./local-stack.sh} starts it (the launcher jar), but
 * on free ports and with its data under {@code tooling/e2e/target/stack}, so it never collides with a developer's
 * running stack. Stopped with SIGTERM when the JVM exits, as Ctrl-C would.
 */
final class RunningStack {

    /** Long enough for a loaded 2-core machine; -Dcareslot.e2e.ready-timeout-minutes=N for a slower one. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(
            Long.getLong("careslot.e2e.ready-timeout-minutes", 6));
    private static final String LAUNCHER = "tooling/local-stack/target/platform-local-stack-0.1.0-SNAPSHOT.jar";

    private static RunningStack shared;

    /** One more run of the launcher jar against this stack (e.g. --seed-only): its exit code and console output. */
    record LauncherRun(int exitCode, String output) {
    }

    private final Process launcher;
    private final Map<String, Integer> ports;
    private final Path output;
    private final Duration startup;
    private final Path dataDir;

    private RunningStack(Process launcher, Map<String, Integer> ports, Path output, Duration startup, Path dataDir) {
        this.launcher = launcher;
        this.ports = ports;
        this.output = output;
        this.startup = startup;
        this.dataDir = dataDir;
    }

    static synchronized RunningStack get() {
        if (shared == null) {
            shared = startOnFreePorts();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "e2e-stack-stop"));
        }
        return shared;
    }

    String gatewayUrl() {
        return "http://localhost:" + ports.get("GATEWAY_PORT");
    }

    /** Keycloak's issuer: frontends log in there directly (password grant of the public client). */
    String keycloakUrl() {
        return "http://localhost:" + ports.get("KEYCLOAK_PORT");
    }

    /** The dev mail server's IMAP port: one mailbox per recipient address, any password. */
    int imapPort() {
        return ports.get("SMTP_IMAP_PORT");
    }

    /** The stack's trace UI (Zipkin): every application sends its spans there; API under /api/v2, UI under /zipkin/. */
    String zipkinUrl() {
        return "http://localhost:" + ports.get("ZIPKIN_PORT");
    }

    Duration startup() {
        return startup;
    }

    /** The stack's directory (LOCAL_STACK_DIR): PostgreSQL's data, the logs, the {@code processes} file. */
    Path dataDir() {
        return dataDir;
    }

    /** name → pid of every process of the stack, as the launcher lists them in its {@code processes} file. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(dataDir.resolve("processes"))) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2) {
                    pids.put(parts[0], Long.parseLong(parts[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    long pid(String name) {
        Long pid = pids().get(name);
        if (pid == null) {
            throw new IllegalStateException("no " + name + " in " + dataDir.resolve("processes"));
        }
        return pid;
    }

    /** Whether the service on the port named by this variable (e.g. BOOKING_PORT) answers its readiness probe UP. */
    boolean isReady(String portVariable) {
        try {
            var http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                            + ports.get(portVariable) + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean launcherAlive() {
        return launcher.isAlive();
    }

    /** Runs {@code java -jar <launcher> args} with this stack's ports, as {@code ./local-stack.sh args} would. */
    LauncherRun runLauncher(Duration timeout, String... args) {
        Path root = projectRoot();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-XX:+UseSerialGC", "-jar", root.resolve(LAUNCHER).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        ports.forEach((name, port) -> builder.environment().put(name, Integer.toString(port)));
        builder.environment().put("CARESLOT_HOME", root.toString());
        try {
            Process process = builder.start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the launcher " + List.of(args) + " did not end within " + timeout);
            }
            return new LauncherRun(process.exitValue(), output.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path projectRoot() {
        return Path.of(System.getProperty("careslot.e2e.project-root", "../..")).toAbsolutePath().normalize();
    }

    /**
     * Ports are picked free before the launcher binds them, so another program can take one in between (the launcher
     * then refuses to start: "ports already in use"). Then once more, on other free ports.
     */
    private static RunningStack startOnFreePorts() {
        try {
            return start();
        } catch (IllegalStateException e) {
            if (!String.valueOf(e.getMessage()).contains("ports already in use")) {
                throw e;
            }
            System.out.println("e2e: a port was taken before the launcher bound it; starting on other ports");
            return start();
        }
    }

    private static RunningStack start() {
        Path root = projectRoot();
        Path launcherJar = root.resolve(LAUNCHER);
        if (!Files.isRegularFile(launcherJar)) {
            throw new IllegalStateException(launcherJar + " is missing: run the whole build (./mvnw verify)");
        }
        Path stackDir = Path.of(System.getProperty("careslot.e2e.stack-dir", "target/stack")).toAbsolutePath();
        Map<String, Integer> ports = LauncherProcess.freePorts();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC", "-jar", launcherJar.toString(), "--fresh"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        ports.forEach((name, port) -> environment.put(name, Integer.toString(port)));
        environment.put("LOCAL_STACK_DIR", stackDir.toString());
        environment.put("CARESLOT_HOME", root.toString());
        // notification-service sends SMS to a stand-in provider in this JVM (SmsE2ETest)
        environment.put("SMS_GATEWAY_URL", SmsProvider.shared().url());
        environment.put("SMS_GATEWAY_USERNAME", SmsProvider.USERNAME);
        environment.put("SMS_GATEWAY_PASSWORD", SmsProvider.PASSWORD);
        Path output = stackDir.getParent().resolve("stack-launcher.out");
        Instant begin = Instant.now();
        Process process = null;
        try {
            Files.createDirectories(output.getParent());
            process = builder.start();
            Process started = process;
            CompletableFuture<Boolean> ready =
                    CompletableFuture.supplyAsync(() -> LauncherProcess.copyUntilReady(started, output));
            boolean isReady = ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!isReady) {
                throw new IllegalStateException("the local stack exited before READY; see " + output + ":\n"
                        + Files.readString(output));
            }
            RunningStack stack = new RunningStack(process, ports, output, Duration.between(begin, Instant.now()),
                    stackDir);
            System.out.println("e2e: local stack READY at " + stack.gatewayUrl() + " in "
                    + stack.startup.toSeconds() + " s");
            return stack;
        } catch (java.util.concurrent.TimeoutException e) {
            stopAfterFailedStart(process);
            throw new IllegalStateException("the local stack was not READY within " + READY_TIMEOUT + "; see " + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            stopAfterFailedStart(process);
            throw new IllegalStateException("could not start the local stack: " + e.getMessage(), e);
        }
    }

    /** SIGTERM (the launcher then stops what it started), so that a start that timed out leaves nothing behind. */
    private static void stopAfterFailedStart(Process process) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as Ctrl-C would, and wait for the launcher to stop everything it started. */
    private void stop() {
        List<ProcessHandle> tree = new ArrayList<>(launcher.descendants().toList());
        launcher.destroy();
        try {
            if (!launcher.waitFor(120, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        System.out.println("e2e: local stack stopped; launcher output in " + output);
    }
}
