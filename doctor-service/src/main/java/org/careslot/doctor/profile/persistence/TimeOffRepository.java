package org.careslot.doctor.profile.persistence;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface TimeOffRepository extends JpaRepository<TimeOff, UUID> {

    List<TimeOff> findByDoctorIdOrderByDateFromAscIdAsc(UUID doctorId);

    Page<TimeOff> findByDoctorIdOrderByDateFromAscIdAsc(UUID doctorId, Pageable page);

    Optional<TimeOff> findByIdAndDoctorId(UUID id, UUID doctorId);
}
