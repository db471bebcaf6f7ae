package org.careslot.reporting.appointment.domain;

import org.careslot.reporting.appointment.AppointmentSnapshot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppointmentStateTest {

    static AppointmentSnapshot startingAt(String startsAt, String zone) {
        return new AppointmentSnapshot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                OffsetDateTime.parse(startsAt), zone, AppointmentStatus.PENDING, new BigDecimal("500.00"));
    }

    @Test
    void countsInTheMonthOfItsStartInItsOwnZone() {
        // 1 February 00:30 in Dhaka is still 31 January in UTC
        assertThat(startingAt("2031-02-01T00:30:00+06:00", "Asia/Dhaka").toState().month())
                .isEqualTo(YearMonth.of(2031, 2));
        assertThat(startingAt("2031-02-01T00:30:00+06:00", "UTC").toState().month())
                .isEqualTo(YearMonth.of(2031, 1));
        // the offset written in starts_at does not matter, only the instant and the zone
        assertThat(startingAt("2031-01-31T18:30:00Z", "Asia/Dhaka").toState().month())
                .isEqualTo(YearMonth.of(2031, 2));
    }

    @Test
    void aZoneThatIsNoneOrAMissingStartBreaksTheContract() {
        assertThatThrownBy(() -> startingAt("2031-02-01T00:30:00+06:00", "Mars/Olympus").toState())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time_zone");
        assertThatThrownBy(() -> startingAt("2031-02-01T00:30:00+06:00", " ").toState())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppointmentSnapshot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                null, "Asia/Dhaka", AppointmentStatus.PENDING, BigDecimal.TEN).toState())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts_at");
    }
}
