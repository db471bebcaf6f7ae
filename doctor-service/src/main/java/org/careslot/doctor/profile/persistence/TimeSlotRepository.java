package org.careslot.doctor.profile.persistence;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface TimeSlotRepository extends JpaRepository<TimeSlot, UUID> {

    /** The whole weekly schedule, Monday first, by start time. */
    List<TimeSlot> findByDoctorIdOrderByWeekdayAscStartMinuteAsc(UUID doctorId);

    Page<TimeSlot> findByDoctorIdOrderByWeekdayAscStartMinuteAscIdAsc(UUID doctorId, Pageable page);

    Optional<TimeSlot> findByIdAndDoctorId(UUID id, UUID doctorId);
}
