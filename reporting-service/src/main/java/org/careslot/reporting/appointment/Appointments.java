package org.careslot.reporting.appointment;

import org.careslot.reporting.appointment.domain.AppointmentState;
import org.careslot.reporting.appointment.persistence.AppointmentRepository;
import org.careslot.reporting.appointment.persistence.AppointmentRepository.Stored;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The last seen state of every appointment, newest {@code sequence} wins. */
@Service
public class Appointments {

    /** Where an appointment counts: one doctor's month. */
    public record Placement(UUID doctorId, YearMonth month) {
    }

    /** An applied change: where the appointment counted before ({@code null} when new) and where it counts now. */
    public record Moved(Placement before, Placement now) {
    }

    private final AppointmentRepository repository;

    public Appointments(AppointmentRepository repository) {
        this.repository = repository;
    }

    /**
     * Stores {@code state} as version {@code sequence} unless a version as new or newer is stored; the appointment's
     * row stays locked until the transaction ends, so concurrent versions of one appointment apply one after the
     * other.
     *
     * @return the move, or empty when the version was not newer (redelivered or overtaken)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Moved> record(AppointmentState state, long sequence, Instant eventTime) {
        Placement now = new Placement(state.doctorId(), state.month());
        // two rounds at most: an insert that lost a race against a concurrent first version finds its row next time
        for (int round = 0; round < 2; round++) {
            Optional<Stored> stored = repository.lock(state.id());
            if (stored.isPresent()) {
                if (stored.get().sequence() >= sequence) {
                    return Optional.empty();
                }
                repository.replace(state, sequence, eventTime);
                return Optional.of(new Moved(new Placement(stored.get().doctorId(), stored.get().month()), now));
            }
            if (repository.insertIfAbsent(state, sequence, eventTime)) {
                return Optional.of(new Moved(null, now));
            }
        }
        throw new IllegalStateException("appointment " + state.id() + " neither stored nor insertable");
    }

    /** The appointments counting in {@code doctorId}'s {@code month}, as last seen. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AppointmentState> countingIn(UUID doctorId, YearMonth month) {
        return repository.inMonth(doctorId, month);
    }

    /** Distinct patients with an appointment counting in {@code month}, over all doctors. */
    @Transactional(readOnly = true)
    public int patientsIn(YearMonth month) {
        return repository.patientsIn(month);
    }
}
