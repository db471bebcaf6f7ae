package org.careslot.booking.doctor;

import org.careslot.booking.doctor.domain.TimeOff;
import org.careslot.booking.doctor.domain.WeeklySlot;
import org.careslot.booking.doctor.persistence.DoctorRepository;
import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The doctors as doctor-service publishes them (doctor.profile.v1), kept locally so that availability and booking
 * never call doctor-service. Each event carries the doctor's whole state; a newer one replaces it as a whole.
 */
@Service
public class DoctorDirectory {

    /** The part of doctor.profile.v1 data (docs/schemas/doctor.profile.v1/doctor.json) this service uses. */
    public record DoctorSnapshot(UUID id, String fullName, String specialization, String consultationFee, String timeZone, Boolean isActive,
                                 List<Slot> timeSlots, List<Off> timeOff) {

        public record Slot(UUID id, String weekday, String startTime, String endTime, Integer slotMinutes) {
        }

        public record Off(UUID id, String dateFrom, String dateTo) {
        }
    }

    private final DoctorRepository doctors;
    private final Clock clock;

    public DoctorDirectory(DoctorRepository doctors, Clock clock) {
        this.doctors = doctors;
        this.clock = clock;
    }

    public Optional<Doctor> find(UUID id) {
        return doctors.find(id);
    }

    /** A page of the active doctors, by name then id. */
    public List<Doctor> active(long offset, int limit) {
        return doctors.activeIds(offset, limit).stream().map(doctors::find).flatMap(Optional::stream)
                .filter(Doctor::active).toList();
    }

    public long countActive() {
        return doctors.countActive();
    }

    /**
     * Stores the doctor's state of version {@code sequence}, replacing the stored one as a whole. Only newer versions
     * arrive here: the event template drops redelivered and older events in the same transaction.
     *
     * @throws InvalidEventException when the data breaks the published contract (the record is dead-lettered)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(DoctorSnapshot doctor, long sequence) {
        if (doctor.id() == null || doctor.consultationFee() == null || doctor.timeZone() == null
                || doctor.isActive() == null) {
            throw new InvalidEventException("doctor event lacks id, consultation_fee, time_zone or is_active");
        }
        ZoneId zone;
        BigDecimal fee;
        List<WeeklySlot> slots;
        List<TimeOff> timeOff;
        try {
            zone = ZoneId.of(doctor.timeZone());
            fee = new BigDecimal(doctor.consultationFee()).setScale(2, RoundingMode.UNNECESSARY);
            if (fee.signum() <= 0) {
                throw new IllegalArgumentException("consultation_fee must be positive");
            }
            slots = Objects.requireNonNullElse(doctor.timeSlots(), List.<DoctorSnapshot.Slot>of()).stream()
                    .map(slot -> new WeeklySlot(slot.id(), DayOfWeek.valueOf(slot.weekday()),
                            LocalTime.parse(slot.startTime()), LocalTime.parse(slot.endTime()), slot.slotMinutes()))
                    .toList();
            timeOff = Objects.requireNonNullElse(doctor.timeOff(), List.<DoctorSnapshot.Off>of()).stream()
                    .map(off -> new TimeOff(off.id(), LocalDate.parse(off.dateFrom()), LocalDate.parse(off.dateTo())))
                    .toList();
        } catch (DateTimeException | IllegalArgumentException | ArithmeticException | NullPointerException e) {
            throw new InvalidEventException("doctor event " + doctor.id() + " breaks the contract: " + e.getMessage(), e);
        }
        doctors.upsert(doctor.id(), doctor.fullName(), doctor.specialization(), fee, zone, doctor.isActive(), sequence, clock.instant());
        doctors.replaceSchedule(doctor.id(), slots, timeOff);
    }
}
