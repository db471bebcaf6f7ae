package org.careslot.doctor.user.persistence;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;
import java.util.UUID;

public interface KnownUserRepository extends JpaRepository<KnownUser, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from KnownUser u where u.id = :id")
    Optional<KnownUser> findForUpdate(@Param("id") UUID id);
}
