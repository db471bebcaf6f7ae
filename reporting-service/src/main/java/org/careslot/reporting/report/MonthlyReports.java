package org.careslot.reporting.report;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.careslot.reporting.appointment.AppointmentSnapshot;
import org.careslot.reporting.appointment.Appointments;
import org.careslot.reporting.appointment.Appointments.Moved;
import org.careslot.reporting.appointment.Appointments.Placement;
import org.careslot.reporting.appointment.domain.AppointmentState;
import org.careslot.reporting.doctor.Doctors;
import org.careslot.reporting.report.domain.MonthlyFigures;
import org.careslot.reporting.report.messaging.MonthlyReportEvents;
import org.careslot.reporting.report.persistence.MonthCloseRepository;
import org.careslot.reporting.report.persistence.MonthlyReportRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Folds appointment changes into the monthly reports. Each change stores the appointment's last seen state (newest
 * {@code sequence} wins) and then RECOMPUTES the one or two doctor-months it left and entered from the stored states,
 * in the same transaction: a report is a function of the appointments' last states, so redelivery, reordering and
 * replaying the whole topic into an empty database all give the same numbers. The report rows are locked while being
 * recomputed, so concurrent changes of one month (several partitions, several instances) serialise on them and the
 * later one counts the earlier one's committed appointment. A change to a closed month corrects its final report and
 * publishes it again.
 */
@Service
public class MonthlyReports {

    /** Micrometer name of the event-to-report latency: the event's {@code time} to the commit of its fold. */
    public static final String LAG_TIMER = "careslot.reporting.event.lag";

    private static final Logger log = LoggerFactory.getLogger(MonthlyReports.class);
    private static final Comparator<Placement> ORDER = Comparator.comparing(Placement::month)
            .thenComparing(Placement::doctorId);

    private final Appointments appointments;
    private final Doctors doctors;
    private final MonthlyReportRepository reports;
    private final MonthCloseRepository closes;
    private final MonthlyReportEvents events;
    private final Clock clock;
    private final Timer lag;

    public MonthlyReports(Appointments appointments, Doctors doctors, MonthlyReportRepository reports,
                          MonthCloseRepository closes, MonthlyReportEvents events, Clock clock,
                          MeterRegistry meters) {
        this.appointments = appointments;
        this.doctors = doctors;
        this.reports = reports;
        this.closes = closes;
        this.events = events;
        this.clock = clock;
        this.lag = Timer.builder(LAG_TIMER)
                .description("Time from an appointment event's 'time' to the commit of its fold into the reports")
                .publishPercentileHistogram()
                .register(meters);
    }

    /**
     * Applies the appointment's state as version {@code sequence} (an older or equal version changes nothing).
     *
     * @param eventTime the event's {@code time}, for the lag metric
     * @throws IllegalArgumentException when the state breaks the contract (e.g. an unknown time zone)
     */
    @Transactional
    public void appointmentChanged(AppointmentSnapshot appointment, long sequence, Instant eventTime) {
        AppointmentState state = appointment.toState();
        doctors.namedByAppointment(state.doctorId(), state.zone().getId());
        Optional<Moved> moved = appointments.record(state, sequence, eventTime);
        if (moved.isEmpty()) {
            log.debug("Appointment {} version {} is not newer than the stored one: dropped", state.id(), sequence);
            return;
        }
        TreeSet<Placement> touched = new TreeSet<>(ORDER);
        touched.add(moved.get().now());
        if (moved.get().before() != null) {
            touched.add(moved.get().before());
        }
        // months, then rows, always in the same order: concurrent folds never wait for each other crosswise
        touched.stream().map(Placement::month).distinct().forEach(reports::shareMonth);
        touched.forEach(this::recompute);
        measureLagAfterCommit(eventTime);
    }

    private void recompute(Placement placement) {
        MonthlyReport before = reports.lock(placement.doctorId(), placement.month());
        List<MonthlyFigures.Counted> counted = appointments.countingIn(placement.doctorId(), placement.month())
                .stream().map(a -> new MonthlyFigures.Counted(a.patientId(), a.status(), a.fee())).toList();
        MonthlyFigures figures = MonthlyFigures.of(counted);
        if (!closes.isClosed(placement.month())) {
            reports.updateFigures(placement.doctorId(), placement.month(), figures);
            return;
        }
        if (before.isFinal() && before.figures().equals(figures)) {
            return; // e.g. a reschedule within the month: the final report stands
        }
        MonthlyReport corrected = reports.finish(placement.doctorId(), placement.month(), figures, clock.instant());
        events.publish(corrected);
        log.info("Late change of closed month {} of doctor {}: report version {} published", placement.month(),
                placement.doctorId(), corrected.version());
    }

    private void measureLagAfterCommit(Instant eventTime) {
        if (eventTime == null) {
            return;
        }
        // a producer clock ahead of ours must not make a negative latency
        Runnable measure = () -> lag.record(Duration.between(eventTime, clock.instant()).isNegative()
                ? Duration.ZERO : Duration.between(eventTime, clock.instant()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    measure.run();
                }
            });
        } else {
            measure.run();
        }
    }
}
