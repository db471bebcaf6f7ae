package org.careslot.identity.user;

import org.careslot.identity.location.LocationDirectory;
import org.careslot.identity.user.domain.ProfileRules;
import org.careslot.identity.user.domain.Role;
import org.careslot.identity.user.keycloak.KeycloakUsers;
import org.careslot.identity.user.messaging.UserEvents;
import org.careslot.identity.user.persistence.UserAccount;
import org.careslot.identity.user.persistence.UserAccountRepository;
import org.careslot.platform.web.problem.ConflictException;
import org.careslot.platform.web.problem.InvalidFieldsException;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

    /** Fields a user may change on their own profile; anything else in a PATCH body is ignored. */
    static final Set<String> WRITABLE = Set.of("full_name", "phone", "division_id", "district_id", "thana_id",
            "date_of_birth", "gender", "blood_group", "emergency_contact", "medical_history");

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
    public UserAccount profileOf(TokenIdentity caller) {
        return users.findById(caller.id()).orElseGet(() -> provision(caller));
    }

    private UserAccount provision(TokenIdentity caller) {
        Role role = caller.realmRoles().contains("ADMIN") ? Role.ADMIN
                : caller.realmRoles().contains("DOCTOR") ? Role.DOCTOR : Role.PATIENT;
        String email = ProfileRules.normalizeEmail(Objects.requireNonNullElse(caller.email(), caller.id() + "@unknown"));
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
     * Applies the writable fields present in {@code patch} (JSON null clears an optional field). {@code id},
     * {@code email}, {@code role}, {@code is_active} and unknown fields are ignored, never applied.
     */
    public UserAccount update(TokenIdentity caller, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw InvalidFieldsException.of("non_field_errors", "Expected a JSON object.");
        }
        UserAccount existing = profileOf(caller);
        String previousName = existing.getFullName();
        UserAccount updated;
        try {
            updated = transaction.execute(status -> {
                UserAccount user = users.findById(existing.getId())
                        .orElseThrow(() -> new ResourceNotFoundException("User not found."));
                apply(user, patch);
                user.touch(clock.instant());
                users.saveAndFlush(user);
                events.updated(user);
                return user;
            });
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("An account with this phone number already exists.");
        }
        if (!updated.getFullName().equals(previousName)) {
            keycloak.rename(updated.getId(), updated.getFullName());
        }
        return updated;
    }

    private void apply(UserAccount user, JsonNode patch) {
        ProfileRules rules = new ProfileRules();
        PatchReader read = new PatchReader(patch, rules);
        if (read.has("full_name")) {
            String name = read.text("full_name");
            rules.required("full_name", name).fullName(name);
            if (name != null) {
                user.setFullName(name.strip());
            }
        }
        if (read.has("phone")) {
            String phone = read.text("phone");
            rules.required("phone", phone).phone(phone);
            user.setPhone(phone);
        }
        if (read.has("division_id") || read.has("district_id") || read.has("thana_id")) {
            Integer division = read.has("division_id") ? read.integer("division_id") : user.getDivisionId();
            Integer district = read.has("district_id") ? read.integer("district_id") : user.getDistrictId();
            Integer thana = read.has("thana_id") ? read.integer("thana_id") : user.getThanaId();
            rules.required("division_id", division).required("district_id", district).required("thana_id", thana);
            if (division != null && district != null && thana != null && rules.isValid()) {
                rules.merge(locations.checkHierarchy(division, district, thana));
            }
            user.setLocation(division, district, thana);
        }
        if (read.has("date_of_birth")) {
            LocalDate date = read.date("date_of_birth");
            rules.dateOfBirth(date, LocalDate.now(clock));
            user.setDateOfBirth(date);
        }
        if (read.has("gender")) {
            String gender = read.text("gender");
            rules.gender(gender);
            user.setGender(gender);
        }
        if (read.has("blood_group")) {
            String bloodGroup = read.text("blood_group");
            rules.bloodGroup(bloodGroup).patientOnly("blood_group", bloodGroup, user.getRole());
            user.setBloodGroup(bloodGroup);
        }
        if (read.has("emergency_contact")) {
            String contact = read.text("emergency_contact");
            rules.text("emergency_contact", contact).patientOnly("emergency_contact", contact, user.getRole());
            user.setEmergencyContact(contact);
        }
        if (read.has("medical_history")) {
            String history = read.text("medical_history");
            rules.text("medical_history", history).patientOnly("medical_history", history, user.getRole());
            user.setMedicalHistory(history);
        }
        if (!rules.isValid()) {
            throw new InvalidFieldsException(rules.errors());
        }
    }

    /** Typed access to PATCH members; a wrong JSON type is a field error, not a 500. */
    private record PatchReader(JsonNode patch, ProfileRules rules) {

        boolean has(String field) {
            return patch.has(field);
        }

        String text(String field) {
            JsonNode value = patch.get(field);
            if (value.isNull()) {
                return null;
            }
            if (!value.isString()) {
                rules.reject(field, "Must be a string.");
                return null;
            }
            return value.asString();
        }

        Integer integer(String field) {
            JsonNode value = patch.get(field);
            if (value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                rules.reject(field, "Must be an integer.");
                return null;
            }
            return value.asInt();
        }

        LocalDate date(String field) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                rules.reject(field, "Must be a date YYYY-MM-DD.");
                return null;
            }
        }
    }
}
