package org.careslot.platform.messaging.consume;

import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class InfrastructureOutageTest {

    @Test
    void theDriversRealFailureToReachPostgresIsAnOutageAlsoWhenTheListenerWrapsIt() {
        JdbcTemplate away = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + unusedPort() + "/away?connectTimeout=2", "postgres", "postgres"));
        Throwable refused = catchThrowable(() -> away.queryForObject("SELECT 1", Integer.class));

        assertThat(InfrastructureOutage.causedBy(refused)).as(refused.toString()).isTrue();
        assertThat(InfrastructureOutage.causedBy(new ListenerExecutionFailedException("listener failed", refused)))
                .isTrue();
    }

    @Test
    void aTerminatedOrShuttingDownServerIsAnOutage() {
        assertThat(InfrastructureOutage.causedBy(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(InfrastructureOutage.causedBy(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(InfrastructureOutage.causedBy(new SQLException("I/O error", "08006"))).isTrue();
    }

    @Test
    void failuresOfTheEventOrTheCodeAreNot() {
        assertThat(InfrastructureOutage.causedBy(new IllegalStateException("cannot handle"))).isFalse();
        assertThat(InfrastructureOutage.causedBy(new InvalidEventException("not an event"))).isFalse();
        assertThat(InfrastructureOutage.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
