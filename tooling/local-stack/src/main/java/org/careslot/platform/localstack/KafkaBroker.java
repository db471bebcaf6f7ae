package org.careslot.platform.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka broker in KRaft mode (combined broker and controller) in a JVM of its own, started from the
 * kafka_2.13 jars in the launcher's lib directory. Its log dir lives under the stack's data dir, so topics and
 * committed offsets survive restarts; the storage is formatted only the first time.
 */
final class KafkaBroker {

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final ChildProcess process;

    private KafkaBroker(Path home, int port, int controllerPort, ChildProcess process) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
        this.process = process;
    }

    /** Formats the storage if needed and starts the broker; does not wait for it (see {@link #awaitReady}). */
    static KafkaBroker start(StackSettings settings, JavaCommand java, Path logFile) throws IOException {
        Path home = settings.dataDir().resolve("kafka");
        Path logDirs = home.resolve("data");
        Files.createDirectories(logDirs);
        int port = settings.ports().kafka();
        int controllerPort = settings.ports().kafkaController();
        Path properties = home.resolve("server.properties");
        Files.writeString(properties, serverProperties(port, controllerPort, logDirs), StandardCharsets.UTF_8);
        Path logback = home.resolve("logback.xml");
        Files.writeString(logback, LOGBACK_TO_STDOUT, StandardCharsets.UTF_8);

        List<String> jvm = new ArrayList<>(java.baseCommand(settings.kafkaJavaOptions()));
        jvm.add("-Dlogback.configurationFile=" + logback);
        jvm.add("-cp");
        jvm.add(java.libClasspath());

        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            format(jvm, properties, home, logFile);
        }
        List<String> command = new ArrayList<>(jvm);
        command.add("kafka.Kafka");
        command.add(properties.toString());
        return new KafkaBroker(home, port, controllerPort,
                ChildProcess.start("kafka", command, Map.of(), home, logFile));
    }

    private static void format(List<String> jvm, Path properties, Path home, Path logFile) throws IOException {
        List<String> command = new ArrayList<>(jvm);
        command.addAll(Arrays.asList("kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(),
                "--config", properties.toString()));
        ChildProcess formatter = ChildProcess.start("kafka-storage-format", command, Map.of(), home,
                logFile.resolveSibling("kafka-format.log"));
        try {
            if (!formatter.process().waitFor(120, TimeUnit.SECONDS)) {
                formatter.stop(Duration.ofSeconds(5));
                throw new StartupException("kafka", "formatting the Kafka storage timed out",
                        formatter.logFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            formatter.stop(Duration.ofSeconds(1));
            throw new StartupException("kafka", "interrupted while formatting the Kafka storage", formatter.logFile());
        }
        if (formatter.exitCode() != 0) {
            throw new StartupException("kafka", "formatting the Kafka storage failed (exit " + formatter.exitCode() + ")",
                    formatter.logFile());
        }
    }

    static String serverProperties(int port, int controllerPort, Path logDirs) {
        return String.join("\n",
                "# written by the local-stack launcher at every start",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirs.toAbsolutePath(),
                // topics are declared by the services that own them
                "auto.create.topics.enable=false",
                "num.partitions=3",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=4",
                "num.recovery.threads.per.data.dir=1",
                "log.retention.hours=168",
                "log.segment.bytes=67108864",
                "");
    }

    private static final String LOGBACK_TO_STDOUT = """
            <configuration>
              <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="kafka" level="INFO"/>
              <logger name="org.apache.kafka" level="INFO"/>
              <logger name="state.change.logger" level="WARN"/>
              <logger name="kafka.request.logger" level="WARN"/>
              <root level="INFO"><appender-ref ref="STDOUT"/></root>
            </configuration>
            """;

    /** Waits until the broker answers a metadata request (or exits, or the deadline passes). */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new StartupException("kafka", "exited with code " + process.exitCode(), process.logFile());
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (notYet instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new StartupException("kafka", "interrupted while waiting for the broker",
                                process.logFile());
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new StartupException("kafka", "not ready within " + timeout.toSeconds() + " s",
                            process.logFile());
                }
                Sleeper.sleep(Duration.ofMillis(300));
            }
        }
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    ChildProcess process() {
        return process;
    }

    Path home() {
        return home;
    }

    int controllerPort() {
        return controllerPort;
    }
}
