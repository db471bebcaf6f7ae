package org.careslot.identity.user;

import org.careslot.identity.location.LocationDirectory;
import org.careslot.identity.user.domain.ProfileRules;
import org.careslot.identity.user.domain.Role;
import org.careslot.identity.user.keycloak.KeycloakOrphans;
import org.careslot.identity.user.keycloak.KeycloakUsers;
import org.careslot.identity.user.messaging.UserEvents;
import org.careslot.identity.user.persistence.UserAccount;
import org.careslot.identity.user.persistence.UserAccountRepository;
import org.careslot.platform.web.problem.ConflictException;
import org.careslot.platform.web.problem.ForbiddenException;
import org.careslot.platform.web.problem.InvalidFieldsException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Creating an account is one logical operation across Keycloak and this service's database: the Keycloak user (with
 * its password and realm role) first, then — in one transaction — the local row and the {@code user.registered}
 * event. When anything after the Keycloak step fails, the Keycloak user is removed again, so a failed registration
 * leaves nothing behind. Duplicates are refused by Keycloak (e-mail) and by unique indexes (e-mail, phone), also when
 * requests race; the pre-check only answers the common case early.
 */
@Service
public class RegistrationService {

    /** What a registration asks for; {@code role} null means PATIENT. */
    public record Registration(String role, String fullName, String email, String phone, String password,
                               Integer divisionId, Integer districtId, Integer thanaId, LocalDate dateOfBirth,
                               String gender, String bloodGroup, String emergencyContact, String medicalHistory) {
    }

    private final UserAccountRepository users;
    private final KeycloakUsers keycloak;
    private final KeycloakOrphans orphans;
    private final UserEvents events;
    private final LocationDirectory locations;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RegistrationService(UserAccountRepository users, KeycloakUsers keycloak, KeycloakOrphans orphans,
                               UserEvents events, LocationDirectory locations, TransactionTemplate transaction,
                               Clock clock) {
        this.users = users;
        this.keycloak = keycloak;
        this.orphans = orphans;
        this.events = events;
        this.locations = locations;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @param callerIsAdmin only an admin may create ADMIN accounts
     * @throws InvalidFieldsException 400, every failing field
     * @throws ConflictException      409, e-mail or phone taken
     */
    public UserAccount register(Registration request, boolean callerIsAdmin) {
        Role role = validate(request);
        if (role == Role.ADMIN && !callerIsAdmin) {
            throw new ForbiddenException("Only an administrator may create ADMIN accounts.");
        }
        String email = ProfileRules.normalizeEmail(request.email());
        if (users.existsByEmailIgnoreCase(email)) {
            throw new ConflictException("An account with this email already exists.");
        }
        if (users.existsByPhone(request.phone())) {
            throw new ConflictException("An account with this phone number already exists.");
        }

        String fullName = request.fullName().strip();
        UUID id = keycloak.create(email, request.password(), fullName, role);
        try {
            return transaction.execute(status -> {
                UserAccount user = new UserAccount(id, email, fullName, request.phone(), role, clock.instant());
                user.setLocation(request.divisionId(), request.districtId(), request.thanaId());
                user.setDateOfBirth(request.dateOfBirth());
                user.setGender(request.gender());
                user.setBloodGroup(request.bloodGroup());
                user.setEmergencyContact(request.emergencyContact());
                user.setMedicalHistory(request.medicalHistory());
                users.saveAndFlush(user);
                events.registered(user);
                return user;
            });
        } catch (DataIntegrityViolationException e) {
            orphans.remove(id);
            throw new ConflictException(isPhone(e) ? "An account with this phone number already exists."
                    : "An account with this email already exists.");
        } catch (RuntimeException | Error e) {
            orphans.remove(id);
            throw e;
        }
    }

    private Role validate(Registration request) {
        ProfileRules rules = new ProfileRules();
        rules.required("full_name", request.fullName()).required("email", request.email())
                .required("phone", request.phone()).required("password", request.password())
                .required("division_id", request.divisionId()).required("district_id", request.districtId())
                .required("thana_id", request.thanaId());
        Role role = request.role() == null ? Role.PATIENT : Role.parse(request.role()).orElse(null);
        if (role == null) {
            rules.reject("role", "Must be one of [ADMIN, DOCTOR, PATIENT].");
        }
        rules.fullName(request.fullName()).email(request.email()).phone(request.phone())
                .password(request.password()).gender(request.gender()).bloodGroup(request.bloodGroup())
                .dateOfBirth(request.dateOfBirth(), LocalDate.now(clock))
                .text("emergency_contact", request.emergencyContact()).text("medical_history", request.medicalHistory())
                .positive("division_id", request.divisionId()).positive("district_id", request.districtId())
                .positive("thana_id", request.thanaId());
        if (role != null) {
            rules.patientOnly("blood_group", request.bloodGroup(), role)
                    .patientOnly("emergency_contact", request.emergencyContact(), role)
                    .patientOnly("medical_history", request.medicalHistory(), role);
        }
        if (request.divisionId() != null && request.districtId() != null && request.thanaId() != null
                && request.divisionId() > 0 && request.districtId() > 0 && request.thanaId() > 0) {
            rules.merge(locations.checkHierarchy(request.divisionId(), request.districtId(), request.thanaId()));
        }
        if (!rules.isValid()) {
            throw new InvalidFieldsException(rules.errors());
        }
        return role;
    }

    private static boolean isPhone(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        return message.contains("app_user_phone_uq");
    }
}
