package org.careslot.reporting.doctor;

import org.careslot.reporting.doctor.persistence.DoctorRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Objects;
import java.util.UUID;

/**
 * The doctors this service knows: from doctor.profile.v1, and any doctor an appointment names (a booking may arrive
 * before its doctor's profile). A known doctor has reports (zeros for a month without appointments); an unknown one
 * has none (404).
 */
@Service
public class Doctors {

    private final DoctorRepository repository;

    public Doctors(DoctorRepository repository) {
        this.repository = repository;
    }

    /**
     * Applies a doctor's whole state as version {@code sequence}; an older or equal version is dropped.
     *
     * @return whether it was applied
     */
    @Transactional
    public boolean profileChanged(DoctorSnapshot doctor, long sequence) {
        Objects.requireNonNull(doctor.id(), "id");
        if (doctor.timeZone() == null || doctor.timeZone().isBlank()) {
            throw new IllegalArgumentException("time_zone is missing");
        }
        return repository.upsertIfNewer(doctor, sequence);
    }

    /** Makes the doctor known (without a profile) unless it is already. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void namedByAppointment(UUID doctorId, String timeZone) {
        repository.insertIfAbsent(doctorId, timeZone);
    }

    @Transactional(readOnly = true)
    public boolean isKnown(UUID doctorId) {
        return repository.exists(doctorId);
    }
}
