package org.careslot.platform.testkit;

import org.careslot.platform.infra.KafkaServer;
import org.careslot.platform.infra.PostgresServer;

/**
 * The servers of this test JVM: each starts on first use and stops when the JVM exits, so all test
 * classes of a module share one PostgreSQL, one Kafka, and so on.
 */
public final class TestInfrastructure {

    private static PostgresServer postgres;
    private static KafkaServer kafka;

    private TestInfrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(0, null);
            stopOnExit(postgres);
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = KafkaServer.start(0);
            stopOnExit(kafka);
        }
        return kafka;
    }

    static void stopOnExit(AutoCloseable server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // the JVM is going away; nothing useful to do with a failed stop
            }
        }));
    }
}
