package org.careslot.platform.localstack;

import org.careslot.platform.infra.ZipkinServerJar;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace UI: the Zipkin server exec jar in a JVM of its own, spans in memory only (a restart starts empty), fed
 * by every application through {@code ZIPKIN_ENDPOINT}. A Zipkin that dies does not stop the stack: the services
 * keep working and only their spans are dropped.
 */
final class ZipkinTraceUi {

    /** Small heap: the in-memory store is capped at {@link #MAX_SPANS} spans. Overridable with LOCAL_STACK_ZIPKIN_JAVA_OPTS. */
    static final String DEFAULT_JAVA_OPTS = "-Xms32m -Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
            + " -XX:ReservedCodeCacheSize=48m -XX:+ExitOnOutOfMemoryError";
    static final String MAX_SPANS = "50000";

    private final int port;
    private final ChildProcess process;

    private ZipkinTraceUi(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    /** Starts Zipkin without waiting for it (see {@link #awaitReady}). */
    static ZipkinTraceUi start(StackSettings settings, JavaCommand java, Path logFile) throws IOException {
        Path home = settings.dataDir().resolve("zipkin");
        Files.createDirectories(home);
        int port = settings.ports().zipkin();
        List<String> command = new ArrayList<>(java.baseCommand(
                settings.environment().getOrDefault("LOCAL_STACK_ZIPKIN_JAVA_OPTS", DEFAULT_JAVA_OPTS)));
        command.add("-jar");
        command.add(ZipkinServerJar.locate().toString());
        return new ZipkinTraceUi(port, ChildProcess.start("zipkin", command, environment(port), home, logFile));
    }

    /**
     * Zipkin reads its settings from environment variables; those a developer's shell may hold for other purposes
     * (KAFKA_BOOTSTRAP_SERVERS would start a Kafka span collector, ...) are blanked.
     */
    static Map<String, String> environment(int port) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUERY_PORT", Integer.toString(port));
        environment.put("STORAGE_TYPE", "mem");
        environment.put("MEM_MAX_SPANS", MAX_SPANS);
        environment.put("SELF_TRACING_ENABLED", "false");
        environment.put("COLLECTOR_SCRIBE_ENABLED", "false");
        for (String unused : List.of("KAFKA_BOOTSTRAP_SERVERS", "RABBIT_ADDRESSES", "RABBIT_URI", "ACTIVEMQ_URL",
                "PULSAR_SERVICE_URL", "EUREKA_SERVICE_URL", "JAVA_OPTS")) {
            environment.put(unused, "");
        }
        return environment;
    }

    /** Waits until {@code /health} answers UP (or the process exits, or the deadline passes). */
    void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new StartupException("zipkin", "exited with code " + process.exitCode(), process.logFile());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException("zipkin", "interrupted while waiting for Zipkin", process.logFile());
            }
            if (System.nanoTime() > deadline) {
                throw new StartupException("zipkin", "not ready within " + timeout.toSeconds() + " s",
                        process.logFile());
            }
            Sleeper.sleep(Duration.ofMillis(300));
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Where the applications POST their spans (Zipkin v2 JSON): the value of ZIPKIN_ENDPOINT. */
    static String spansEndpoint(StackSettings settings) {
        return settings.localUrl(settings.ports().zipkin()) + "/api/v2/spans";
    }

    /** The UI; a trace is at {@code <this>traces/<trace id>}. */
    static String uiUrl(StackSettings settings) {
        return settings.localUrl(settings.ports().zipkin()) + "/zipkin/";
    }

    ChildProcess process() {
        return process;
    }
}
