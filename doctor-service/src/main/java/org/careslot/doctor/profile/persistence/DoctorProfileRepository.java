package org.careslot.doctor.profile.persistence;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;
import java.util.UUID;

public interface DoctorProfileRepository extends JpaRepository<DoctorProfile, UUID> {

    /** The profile, row-locked until the transaction ends: every change of a doctor starts here. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from DoctorProfile p where p.id = :id")
    Optional<DoctorProfile> findForUpdate(@Param("id") UUID id);
}
