package org.careslot.identity.user;

import org.careslot.identity.location.LocationDirectory;
import org.careslot.identity.user.domain.ProfileFields;
import org.careslot.identity.user.domain.Role;
import org.careslot.identity.user.domain.UserProfile;
import org.careslot.identity.user.keycloak.IdentityProviderUnavailableException;
import org.careslot.identity.user.keycloak.KeycloakOrphans;
import org.careslot.identity.user.keycloak.KeycloakUsers;
import org.careslot.identity.user.messaging.UserEvents;
import org.careslot.identity.user.persistence.UserAccount;
import org.careslot.identity.user.persistence.UserAccountRepository;
import org.careslot.platform.web.problem.ConflictException;
import org.careslot.platform.web.problem.FieldErrors;
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
 * its password), its realm role, then — in one transaction — the local row and the {@code user.registered}
 * event. When anything after the user's creation fails, the Keycloak user is removed again, so a failed registration
 * leaves nothing behind. Duplicates are refused by Keycloak (e-mail) and by unique indexes (e-mail, phone), also when
 * requests race; the pre-check only answers the common case early.
 */
@Service
public class RegistrationService {

    /**
     * What a registration asks for, each member already in its valid format (the request's constraints); the rules
     * across members and against stored data are checked here.
     */
    public record Registration(Role role, String fullName, String email, String phone, String password,
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
    private final AccountMetrics metrics;

    public RegistrationService(UserAccountRepository users, KeycloakUsers keycloak, KeycloakOrphans orphans,
                               UserEvents events, LocationDirectory locations, TransactionTemplate transaction,
                               Clock clock, AccountMetrics metrics) {
        this.users = users;
        this.keycloak = keycloak;
        this.orphans = orphans;
        this.events = events;
        this.locations = locations;
        this.transaction = transaction;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @param callerIsAdmin only an admin may create ADMIN accounts
     * @throws InvalidFieldsException 400, every failing field
     * @throws ConflictException      409, e-mail or phone taken
     */
    public UserProfile register(Registration request, boolean callerIsAdmin) {
        try {
            UserProfile registered = attempt(request, callerIsAdmin);
            metrics.registration(AccountMetrics.Registration.REGISTERED);
            return registered;
        } catch (ConflictException e) {
            metrics.registration(AccountMetrics.Registration.CONFLICT);
            throw e;
        } catch (InvalidFieldsException e) {
            metrics.registration(AccountMetrics.Registration.INVALID);
            throw e;
        } catch (ForbiddenException e) {
            metrics.registration(AccountMetrics.Registration.FORBIDDEN);
            throw e;
        } catch (IdentityProviderUnavailableException e) {
            metrics.registration(AccountMetrics.Registration.UNAVAILABLE);
            throw e;
        }
    }

    private UserProfile attempt(Registration request, boolean callerIsAdmin) {
        validate(request);
        Role role = request.role();
        if (role == Role.ADMIN && !callerIsAdmin) {
            throw new ForbiddenException("Only an administrator may create ADMIN accounts.");
        }
        String email = ProfileFields.normalizeEmail(request.email());
        if (users.existsByEmailIgnoreCase(email)) {
            throw new ConflictException("An account with this email already exists.");
        }
        if (users.existsByPhone(request.phone())) {
            throw new ConflictException("An account with this phone number already exists.");
        }

        String fullName = request.fullName().strip();
        UUID id = keycloak.create(email, request.password(), fullName);
        try {
            keycloak.grantRealmRole(id, role);
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
                return user.toProfile();
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

    private void validate(Registration request) {
        FieldErrors errors = new FieldErrors();
        ProfileFields.checkDateOfBirth(errors, request.dateOfBirth(), LocalDate.now(clock));
        ProfileFields.checkPatientOnly(errors, "blood_group", request.bloodGroup(), request.role());
        ProfileFields.checkPatientOnly(errors, "emergency_contact", request.emergencyContact(), request.role());
        ProfileFields.checkPatientOnly(errors, "medical_history", request.medicalHistory(), request.role());
        locations.checkHierarchy(request.divisionId(), request.districtId(), request.thanaId())
                .forEach((field, messages) -> messages.forEach(message -> errors.reject(field, message)));
        errors.throwIfAny();
    }

    private static boolean isPhone(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        return message.contains("app_user_phone_uq");
    }
}
