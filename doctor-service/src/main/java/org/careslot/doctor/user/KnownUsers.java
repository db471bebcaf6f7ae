package org.careslot.doctor.user;

import org.careslot.doctor.user.persistence.KnownUser;
import org.careslot.doctor.user.persistence.KnownUserRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The doctors' accounts as identity-service publishes them (identity.user.v1), kept locally so that search and the
 * doctor events never call identity-service. Only DOCTOR accounts are kept: patients' and admins' names and places
 * are none of this service's business.
 */
@Service
public class KnownUsers {

    /** What an identity event did here. */
    public enum Outcome {
        /** stored, and the name, location, role or active flag differs from before (or the user is new here) */
        CHANGED,
        /** stored, but nothing a doctor's representation shows changed (e.g. only the phone number changed) */
        UNCHANGED,
        /** dropped: not a DOCTOR account and not known here */
        IGNORED
    }

    /** The part of identity.user.v1 data this service uses. */
    public record UserSnapshot(UUID id, String fullName, String role, Integer divisionId, Integer districtId,
                               Integer thanaId, boolean isActive) {
    }

    private final KnownUserRepository users;
    private final Clock clock;

    public KnownUsers(KnownUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    public Optional<DoctorAccount> find(UUID id) {
        return users.findById(id).map(user -> new DoctorAccount(user.getId(), user.getFullName(),
                user.getDivisionId(), user.getDistrictId(), user.getThanaId(), user.isActiveDoctor()));
    }

    /**
     * Stores the user's state of version {@code sequence}. Only newer versions arrive here: the event template drops
     * redelivered and older events (and serialises the deliveries of one user) in the same transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome apply(UserSnapshot user, long sequence) {
        Optional<KnownUser> stored = users.findById(user.id());
        if (stored.isEmpty() && !KnownUser.DOCTOR.equals(user.role())) {
            return Outcome.IGNORED;
        }
        KnownUser row = stored.orElseGet(() -> new KnownUser(user.id(), sequence, clock.instant()));
        boolean changed = row.update(user.fullName(), user.role(), user.divisionId(), user.districtId(),
                user.thanaId(), user.isActive(), sequence, clock.instant());
        users.saveAndFlush(row);
        return changed ? Outcome.CHANGED : Outcome.UNCHANGED;
    }
}
