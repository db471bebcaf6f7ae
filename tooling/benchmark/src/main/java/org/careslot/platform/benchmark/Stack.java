package org.careslot.platform.benchmark;

import org.careslot.platform.localstack.LauncherProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The stack under test: started with the launcher jar exactly as {@code ./local-stack.sh --fresh} starts it, on free
 * ports and with its data under the output directory (so it never meets a developer's stack), or an already running
 * stack found through its environment variables (ports) and its {@code processes} file.
 */
final class Stack implements AutoCloseable {

    static final String LAUNCHER = "tooling/local-stack/target/platform-local-stack-0.1.0-SNAPSHOT.jar";
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("GATEWAY_PORT", 8080, "IDENTITY_PORT", 8081,
            "BOOKING_PORT", 8083, "KEYCLOAK_PORT", 8180, "POSTGRES_PORT", 55432);

    private final Process launcher;
    private final Map<String, Integer> ports;
    private final Path dataDir;
    private final Duration startup;

    private Stack(Process launcher, Map<String, Integer> ports, Path dataDir, Duration startup) {
        this.launcher = launcher;
        this.ports = ports;
        this.dataDir = dataDir;
        this.startup = startup;
    }

    /** A stack started by {@code ./local-stack.sh} (or this harness) and still running. */
    static Stack attach(Path projectRoot, Map<String, String> env) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String variable : LauncherProcess.PORT_VARIABLES) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                ports.put(variable, Integer.parseInt(value.trim()));
            } else if (DEFAULT_PORTS.containsKey(variable)) {
                ports.put(variable, DEFAULT_PORTS.get(variable));
            }
        }
        Path dataDir = Path.of(env.getOrDefault("LOCAL_STACK_DIR", projectRoot.resolve(".local-stack").toString()));
        return new Stack(null, ports, dataDir, Duration.ZERO);
    }

    /**
     * Starts a fresh stack. {@code environment} is added to the launcher's (and so every service's) environment, e.g.
     * LOCAL_STACK_SERVICE_JAVA_OPTS; the gateway's login/register rate limit is switched off, or loading thousands of
     * accounts from one address would be refused (429).
     */
    static Stack start(Path projectRoot, Path dataDir, Map<String, String> environment, Duration timeout,
                       Console console) {
        Path launcherJar = projectRoot.resolve(LAUNCHER);
        if (!Files.isRegularFile(launcherJar)) {
            throw new IllegalStateException(launcherJar + " is missing: build first (./benchmark.sh builds it)");
        }
        Map<String, Integer> ports = LauncherProcess.freePorts();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", launcherJar.toString(), "--fresh")
                .directory(projectRoot.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        ports.forEach((name, port) -> env.put(name, Integer.toString(port)));
        env.put("LOCAL_STACK_DIR", dataDir.toString());
        env.put("CARESLOT_HOME", projectRoot.toString());
        env.put("AUTH_RATE_LIMIT_ENABLED", "false");
        // a first start unpacks and builds Keycloak, minutes on a busy machine
        env.putIfAbsent("LOCAL_STACK_START_TIMEOUT_SECONDS", "600");
        env.putAll(environment);
        Path output = dataDir.resolveSibling("stack-launcher.out");
        long begin = System.nanoTime();
        try {
            Files.createDirectories(dataDir.getParent());
            Process process = builder.start();
            Stack stack = new Stack(process, ports, dataDir, Duration.ZERO);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "benchmark-stack-stop"));
            CompletableFuture<Boolean> ready =
                    CompletableFuture.supplyAsync(() -> LauncherProcess.copyUntilReady(process, output));
            if (!ready.get(timeout.toSeconds(), TimeUnit.SECONDS)) {
                stack.close();
                throw new IllegalStateException("the local stack exited before READY; see " + output);
            }
            Duration startup = Duration.ofNanos(System.nanoTime() - begin);
            console.line("stack", "READY at " + stack.gatewayUrl() + " after " + startup.toSeconds() + " s (data in "
                    + dataDir + ", launcher output in " + output + ")");
            return new Stack(process, ports, dataDir, startup);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the local stack was not READY within " + timeout + "; see " + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    String gatewayUrl() {
        return "http://localhost:" + ports.get("GATEWAY_PORT");
    }

    /** identity-service's own port (not public: only for splitting the login's time between the hops). */
    String identityUrl() {
        return "http://localhost:" + ports.get("IDENTITY_PORT");
    }

    String keycloakUrl() {
        return "http://localhost:" + ports.get("KEYCLOAK_PORT");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + ports.get("POSTGRES_PORT") + "/" + database;
    }

    Duration startup() {
        return startup;
    }

    boolean started() {
        return launcher != null;
    }

    /** Name → pid of every process of the stack, as the launcher lists them while it runs. */
    Map<String, Long> processes() {
        Map<String, Long> pids = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(dataDir.resolve("processes"))) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2) {
                    pids.put(parts[0], Long.parseLong(parts[1]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not written yet, or the stack is gone: nothing to sample
        }
        return pids;
    }

    /** SIGTERM, as Ctrl-C would: the launcher stops everything it started. */
    @Override
    public synchronized void close() {
        if (launcher == null || !launcher.isAlive()) {
            return;
        }
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
    }

}
