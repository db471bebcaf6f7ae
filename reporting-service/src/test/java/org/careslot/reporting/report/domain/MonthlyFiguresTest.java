package org.careslot.reporting.report.domain;

import org.careslot.reporting.appointment.domain.AppointmentStatus;
import org.careslot.reporting.report.domain.MonthlyFigures.Counted;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MonthlyFiguresTest {

    static final UUID ALICE = UUID.randomUUID();
    static final UUID BOB = UUID.randomUUID();

    static Counted appointment(UUID patient, AppointmentStatus status, String fee) {
        return new Counted(patient, status, new BigDecimal(fee));
    }

    @Test
    void countsEveryAppointmentOnceUnderItsStatusAndEarnsOnlyCompletedFees() {
        MonthlyFigures figures = MonthlyFigures.of(List.of(
                appointment(ALICE, AppointmentStatus.PENDING, "500.00"),
                appointment(ALICE, AppointmentStatus.CONFIRMED, "500.00"),
                appointment(BOB, AppointmentStatus.COMPLETED, "650.50"),
                appointment(BOB, AppointmentStatus.COMPLETED, "700.00"),
                appointment(ALICE, AppointmentStatus.CANCELLED, "800.00"),
                appointment(BOB, AppointmentStatus.NO_SHOW, "900.00")));

        assertThat(figures).isEqualTo(new MonthlyFigures(6, 1, 1, 2, 1, 1, 2, new BigDecimal("1350.50")));
    }

    @Test
    void anEmptyMonthIsZerosWithMoneyOfTwoPlaces() {
        MonthlyFigures figures = MonthlyFigures.of(List.of());

        assertThat(figures).isEqualTo(MonthlyFigures.ZERO);
        assertThat(figures.earnings().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void feesOfOnePlaceOrNoneAreMoneyOfTwoPlaces() {
        MonthlyFigures figures = MonthlyFigures.of(List.of(appointment(ALICE, AppointmentStatus.COMPLETED, "500"),
                appointment(BOB, AppointmentStatus.COMPLETED, "0.5")));

        assertThat(figures.earnings().toPlainString()).isEqualTo("500.50");
    }

    @Test
    void theOrderOfTheAppointmentsDoesNotMatter() {
        List<Counted> appointments = new ArrayList<>();
        AppointmentStatus[] statuses = AppointmentStatus.values();
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            appointments.add(appointment(i % 7 == 0 ? ALICE : UUID.randomUUID(), statuses[random.nextInt(statuses.length)],
                    random.nextInt(100, 2000) + "." + random.nextInt(10, 99)));
        }
        MonthlyFigures inOrder = MonthlyFigures.of(appointments);
        Collections.shuffle(appointments, random);

        assertThat(MonthlyFigures.of(appointments)).isEqualTo(inOrder);
        assertThat(inOrder.pending() + inOrder.confirmed() + inOrder.completed() + inOrder.cancelled()
                + inOrder.noShow()).isEqualTo(inOrder.totalAppointments());
    }
}
