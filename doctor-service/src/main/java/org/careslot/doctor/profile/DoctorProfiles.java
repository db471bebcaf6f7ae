package org.careslot.doctor.profile;

import org.careslot.doctor.profile.domain.ProfileRules;
import org.careslot.doctor.profile.domain.ProfileRules.ProfileInput;
import org.careslot.doctor.profile.domain.ProfileRules.ValidProfile;
import org.careslot.doctor.profile.persistence.DatabaseErrors;
import org.careslot.doctor.profile.persistence.DoctorProfile;
import org.careslot.doctor.profile.persistence.DoctorProfileRepository;
import org.careslot.doctor.user.KnownUsers;
import org.careslot.platform.web.problem.ConflictException;
import org.careslot.platform.web.problem.FieldErrors;
import org.careslot.platform.web.problem.InvalidFieldsException;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Doctor profiles: create/replace, read, and keeping them in step with the doctors' accounts. */
@Service
public class DoctorProfiles {

    /** The answer of a PUT: the doctor, and whether the profile was created (201) rather than replaced (200). */
    public record PutResult(DoctorView doctor, boolean created) {
    }

    private final DoctorProfileRepository profiles;
    private final KnownUsers users;
    private final DoctorChanges changes;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public DoctorProfiles(DoctorProfileRepository profiles, KnownUsers users, DoctorChanges changes,
                          TransactionTemplate transaction, Clock clock) {
        this.profiles = profiles;
        this.users = users;
        this.changes = changes;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Creates or replaces the profile of {@code doctorId}. The doctor's account need not be known here yet.
     *
     * @throws InvalidFieldsException 400 naming every failing field
     * @throws ConflictException      409 when another doctor has this license number
     */
    public PutResult put(UUID doctorId, ProfileInput input) {
        FieldErrors errors = new FieldErrors();
        ValidProfile profile = ProfileRules.validate(input, errors);
        errors.throwIfAny();
        try {
            return upsert(doctorId, profile);
        } catch (DataIntegrityViolationException e) {
            if (DatabaseErrors.violated(e, DatabaseErrors.UNIQUE_VIOLATION, DatabaseErrors.PROFILE_PRIMARY_KEY)) {
                // the same doctor's concurrent first PUT created the profile meanwhile: replace it now
                return upsertOrConflict(doctorId, profile);
            }
            throw licenseConflictOr(e);
        }
    }

    private PutResult upsertOrConflict(UUID doctorId, ValidProfile profile) {
        try {
            return upsert(doctorId, profile);
        } catch (DataIntegrityViolationException e) {
            throw licenseConflictOr(e);
        }
    }

    private PutResult upsert(UUID doctorId, ValidProfile valid) {
        return transaction.execute(status -> {
            Optional<DoctorProfile> existing = changes.lockIfPresent(doctorId);
            DoctorProfile profile = existing.orElseGet(() -> new DoctorProfile(doctorId, valid, clock.instant()));
            existing.ifPresent(p -> p.apply(valid));
            return new PutResult(changes.record(profile), existing.isEmpty());
        });
    }

    private static RuntimeException licenseConflictOr(DataIntegrityViolationException e) {
        if (DatabaseErrors.violated(e, DatabaseErrors.UNIQUE_VIOLATION, DatabaseErrors.LICENSE_UNIQUE)) {
            return new ConflictException("A doctor with this license number already exists.");
        }
        return e;
    }

    /** Any doctor with a profile, listed or not (for the doctor and admins). */
    @Transactional(readOnly = true)
    public DoctorView get(UUID doctorId) {
        DoctorProfile profile = profiles.findById(doctorId).orElseThrow(DoctorChanges::noProfile);
        return DoctorView.of(profile, users.find(doctorId).orElse(null));
    }

    /**
     * A doctor as anyone may see it: only listed doctors (profile + known, active DOCTOR account); others are 404
     * unless the caller is an admin or that doctor.
     */
    @Transactional(readOnly = true)
    public DoctorView visible(UUID doctorId, UUID callerId, boolean callerIsAdmin) {
        Optional<DoctorProfile> profile = profiles.findById(doctorId);
        if (profile.isEmpty()) {
            throw new ResourceNotFoundException("Doctor");
        }
        DoctorView view = DoctorView.of(profile.get(), users.find(doctorId).orElse(null));
        if (!view.isActive() && !callerIsAdmin && !doctorId.equals(callerId)) {
            throw new ResourceNotFoundException("Doctor");
        }
        return view;
    }

    /**
     * The doctor's account changed what a doctor shows (name, location, active flag): a new version of the doctor,
     * published in the same transaction as the account change. Nothing happens for users without a profile.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void accountChanged(UUID doctorId) {
        changes.lockIfPresent(doctorId).ifPresent(changes::record);
    }
}
