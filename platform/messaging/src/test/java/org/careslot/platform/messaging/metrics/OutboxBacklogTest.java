package org.careslot.platform.messaging.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxBacklogTest {

    @Test
    void scrapesWithinTheRefreshIntervalReuseOneCount() {
        AtomicInteger queries = new AtomicInteger();
        OutboxBacklog backlog = new OutboxBacklog(() -> {
            queries.incrementAndGet();
            return 7;
        }, Duration.ofHours(1));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        backlog.bindTo(registry);

        for (int i = 0; i < 5; i++) {
            assertThat(registry.get(OutboxBacklog.NAME).gauge().value()).isEqualTo(7.0);
        }
        assertThat(queries).hasValue(1);
    }

    @Test
    void anUnreachableDatabaseReadsAsUnknownAndIsNotAskedAgainBeforeTheInterval() {
        AtomicInteger queries = new AtomicInteger();
        OutboxBacklog backlog = new OutboxBacklog(() -> {
            queries.incrementAndGet();
            throw new DataAccessResourceFailureException("down");
        }, Duration.ofHours(1));

        assertThat(backlog.value()).isNaN();
        assertThat(backlog.value()).isNaN();
        assertThat(queries).hasValue(1);
    }
}
