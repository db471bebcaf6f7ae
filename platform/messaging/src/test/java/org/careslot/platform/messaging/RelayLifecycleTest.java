package org.careslot.platform.messaging;

import org.careslot.platform.messaging.relay.OutboxRelay;
import org.careslot.platform.messaging.relay.RelayState;
import org.careslot.platform.messaging.relay.ReplicationSetup;
import org.careslot.platform.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the other tests rely on: with {@code drop-slot-on-stop} the replication slot of a test context
 * goes away with the context (otherwise it would retain WAL for as long as the shared server runs).
 */
@RealInfrastructure(database = "messaging_lifecycle")
class RelayLifecycleTest {

    @Test
    void theSlotIsCreatedAtStartUpAndDroppedWithTheContext() {
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(System.getProperty("spring.datasource.url"),
                System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password")));
        String slot;

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MessagingTestApplication.class)
                .properties("spring.application.name=messaging-lifecycle-test",
                        "careslot.messaging.relay.drop-slot-on-stop=true")
                .run()) {
            OutboxRelay relay = context.getBean(OutboxRelay.class);
            slot = relay.slotName();
            await().atMost(Duration.ofSeconds(60)).until(() -> relay.status().state() == RelayState.RUNNING);
            // the task reports started a moment before its WAL sender attaches to the slot
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(slots(admin, slot)).containsExactly(Map.of("slot_name", slot, "active", true)));
            assertThat(admin.queryForObject("SELECT count(*) FROM pg_publication WHERE pubname = ?", Long.class,
                    context.getBean(ReplicationSetup.class).publicationName())).isOne();
        }

        assertThat(slots(admin, slot)).isEmpty();
    }

    static List<Map<String, Object>> slots(JdbcTemplate admin, String slot) {
        return admin.queryForList("SELECT slot_name, active FROM pg_replication_slots WHERE slot_name = ?", slot);
    }
}
