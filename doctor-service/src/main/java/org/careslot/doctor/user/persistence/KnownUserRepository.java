package org.careslot.doctor.user.persistence;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

public interface KnownUserRepository extends JpaRepository<KnownUser, UUID> {
}
