package org.careslot.reporting.report.domain;

import org.careslot.reporting.appointment.domain.AppointmentStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The numbers of one doctor's month: every appointment starting in it counted once, under its current status;
 * unique patients over all of them (whatever their status); earnings = the fees of the COMPLETED ones. Always
 * computed from the appointments' last seen states as a whole, never incremented, so the same states give the same
 * figures however and how often the events that led to them arrived.
 */
public record MonthlyFigures(int totalAppointments, int pending, int confirmed, int completed, int cancelled,
                             int noShow, int uniquePatients, BigDecimal earnings) {

    /** One appointment as a month counts it. */
    public record Counted(UUID patientId, AppointmentStatus status, BigDecimal fee) {
    }

    public static final MonthlyFigures ZERO = new MonthlyFigures(0, 0, 0, 0, 0, 0, 0, money(BigDecimal.ZERO));

    public static MonthlyFigures of(Collection<Counted> appointments) {
        int pending = 0;
        int confirmed = 0;
        int completed = 0;
        int cancelled = 0;
        int noShow = 0;
        BigDecimal earnings = BigDecimal.ZERO;
        Set<UUID> patients = new HashSet<>();
        for (Counted appointment : appointments) {
            patients.add(appointment.patientId());
            switch (appointment.status()) {
                case PENDING -> pending++;
                case CONFIRMED -> confirmed++;
                case COMPLETED -> {
                    completed++;
                    earnings = earnings.add(appointment.fee());
                }
                case CANCELLED -> cancelled++;
                case NO_SHOW -> noShow++;
            }
        }
        return new MonthlyFigures(appointments.size(), pending, confirmed, completed, cancelled, noShow,
                patients.size(), money(earnings));
    }

    /** Money of the contract: 2 decimal places. */
    public static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
