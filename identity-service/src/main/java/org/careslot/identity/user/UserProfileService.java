package org.careslot.identity.user;

import org.careslot.identity.location.LocationDirectory;
import org.careslot.identity.user.domain.ProfileChange;
import org.careslot.identity.user.domain.ProfileFields;
import org.careslot.identity.user.domain.Role;
import org.careslot.identity.user.domain.UserProfile;
import org.careslot.identity.user.keycloak.KeycloakUsers;
import org.careslot.identity.user.messaging.UserEvents;
import org.careslot.identity.user.persistence.UserAccount;
import org.careslot.identity.user.persistence.UserAccountRepository;
import org.careslot.platform.web.problem.ConflictException;
import org.careslot.platform.web.problem.FieldErrors;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A user's own profile. Accounts that exist only in Keycloak (the realm's seeded admin) get their local row on first
 * use ("just in time"), so every authenticated user has a profile.
 */
@Service
public class UserProfileService {

    /** Who the token says the caller is, for just-in-time provisioning. */
    public record TokenIdentity(UUID id, String email, String name, Set<String> realmRoles) {
    }

    private final UserAccountRepository users;
    private final UserEvents events;
    private final LocationDirectory locations;
    private final KeycloakUsers keycloak;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public UserProfileService(UserAccountRepository users, UserEvents events, LocationDirectory locations,
                              KeycloakUsers keycloak, TransactionTemplate transaction, Clock clock) {
        this.users = users;
        this.events = events;
        this.locations = locations;
        this.keycloak = keycloak;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The caller's profile, created from the token on first use. */
    public UserProfile profileOf(TokenIdentity caller) {
        return account(caller).toProfile();
    }

    private UserAccount account(TokenIdentity caller) {
        return users.findById(caller.id()).orElseGet(() -> provision(caller));
    }

    private UserAccount provision(TokenIdentity caller) {
        Role role = caller.realmRoles().contains("ADMIN") ? Role.ADMIN
                : caller.realmRoles().contains("DOCTOR") ? Role.DOCTOR : Role.PATIENT;
        String email = ProfileFields.normalizeEmail(Objects.requireNonNullElse(caller.email(), caller.id() + "@unknown"));
        String name = caller.name() == null || caller.name().isBlank() ? email : caller.name().strip();
        try {
            return transaction.execute(status -> {
                UserAccount user = new UserAccount(caller.id(), email, name, null, role, clock.instant());
                users.saveAndFlush(user);
                events.registered(user);
                return user;
            });
        } catch (DataIntegrityViolationException raced) {
            // a concurrent first request of the same user provisioned it
            return users.findById(caller.id()).orElseThrow(() -> raced);
        }
    }

    /**
     * Applies the members present in {@code change} (a present null clears an optional member). The formats were
     * checked by the request's constraints; here the rules that need the stored profile: required members may not
     * be cleared, the location stays a consistent division → district → thana, medical members only for patients.
     */
    public UserProfile update(TokenIdentity caller, ProfileChange change) {
        UserAccount existing = account(caller);
        UserAccount updated;
        try {
            updated = transaction.execute(status -> {
                UserAccount user = users.findById(existing.getId())
                        .orElseThrow(() -> new ResourceNotFoundException("User not found."));
                String previousName = user.getFullName();
                apply(user, change);
                user.touch(clock.instant());
                users.saveAndFlush(user);
                events.updated(user);
                // Keycloak last and inside the transaction: when it is unavailable the profile change and its event
                // roll back, so the 503 "nothing was changed" is true; a rename is idempotent, so a retry is safe
                if (!user.getFullName().equals(previousName)) {
                    keycloak.rename(user.getId(), user.getFullName());
                }
                return user;
            });
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("An account with this phone number already exists.");
        }
        return updated.toProfile();
    }

    private void apply(UserAccount user, ProfileChange change) {
        FieldErrors errors = new FieldErrors();
        if (change.has("full_name")) {
            ProfileFields.checkNotCleared(errors, "full_name", change.fullName());
            if (change.fullName() != null) {
                user.setFullName(change.fullName().strip());
            }
        }
        if (change.has("phone")) {
            ProfileFields.checkNotCleared(errors, "phone", change.phone());
            user.setPhone(change.phone());
        }
        if (change.changesLocation()) {
            Integer division = change.has("division_id") ? change.divisionId() : user.getDivisionId();
            Integer district = change.has("district_id") ? change.districtId() : user.getDistrictId();
            Integer thana = change.has("thana_id") ? change.thanaId() : user.getThanaId();
            ProfileFields.checkNotCleared(errors, "division_id", division);
            ProfileFields.checkNotCleared(errors, "district_id", district);
            ProfileFields.checkNotCleared(errors, "thana_id", thana);
            if (errors.isEmpty()) {
                locations.checkHierarchy(division, district, thana)
                        .forEach((field, messages) -> messages.forEach(message -> errors.reject(field, message)));
            }
            user.setLocation(division, district, thana);
        }
        if (change.has("date_of_birth")) {
            ProfileFields.checkDateOfBirth(errors, change.dateOfBirth(), LocalDate.now(clock));
            user.setDateOfBirth(change.dateOfBirth());
        }
        if (change.has("gender")) {
            user.setGender(change.gender());
        }
        if (change.has("blood_group")) {
            ProfileFields.checkPatientOnly(errors, "blood_group", change.bloodGroup(), user.getRole());
            user.setBloodGroup(change.bloodGroup());
        }
        if (change.has("emergency_contact")) {
            ProfileFields.checkPatientOnly(errors, "emergency_contact", change.emergencyContact(), user.getRole());
            user.setEmergencyContact(change.emergencyContact());
        }
        if (change.has("medical_history")) {
            ProfileFields.checkPatientOnly(errors, "medical_history", change.medicalHistory(), user.getRole());
            user.setMedicalHistory(change.medicalHistory());
        }
        if (change.has("notification_channels")) {
            ProfileFields.checkNotificationChannels(errors, change.notificationChannels());
            if (errors.isEmpty()) {
                user.setNotificationChannels(change.notificationChannels());
            }
        }
        // thrown inside the transaction: nothing of an invalid change is stored
        errors.throwIfAny();
    }
}
