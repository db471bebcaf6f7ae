package org.careslot.identity.user;

import org.careslot.identity.user.domain.Role;
import org.careslot.identity.user.domain.UserProfile;
import org.careslot.identity.user.keycloak.KeycloakUsers;
import org.careslot.identity.user.messaging.UserEvents;
import org.careslot.identity.user.persistence.UserAccount;
import org.careslot.identity.user.persistence.UserAccountRepository;
import org.careslot.platform.web.paging.PageQuery;
import org.careslot.platform.web.problem.ConflictException;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/** What admins do with accounts: find them, and (de)activate them in Keycloak and here together. */
@Service
public class UserAdministrationService {

    private final UserAccountRepository users;
    private final KeycloakUsers keycloak;
    private final UserEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public UserAdministrationService(UserAccountRepository users, KeycloakUsers keycloak, UserEvents events,
                                     TransactionTemplate transaction, Clock clock) {
        this.users = users;
        this.keycloak = keycloak;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Page<UserProfile> search(Role role, Boolean active, String search, PageQuery page) {
        String term = search == null || search.isBlank() ? null : escapeLike(search.strip().toLowerCase(Locale.ROOT));
        // PageQuery is 1-based with any offset; Spring's PageRequest is page-indexed with the same size
        return users.search(role, active, term, PageRequest.of(page.page() - 1, page.pageSize()))
                .map(UserAccount::toProfile);
    }

    public UserProfile get(UUID id) {
        return account(id).toProfile();
    }

    private UserAccount account(UUID id) {
        return users.findById(id).orElseThrow(() -> new ResourceNotFoundException("User not found."));
    }

    /**
     * Deactivation disables the Keycloak account and ends its sessions before the local change commits, so a
     * deactivated user can neither log in nor refresh; it then publishes {@code user.deactivated}. Activation
     * enables the account again and publishes {@code user.updated}. Setting the current value changes nothing.
     */
    public UserProfile setActive(UUID adminId, UUID id, boolean active) {
        UserAccount user = account(id);
        if (user.isActive() == active) {
            return user.toProfile();
        }
        if (!active && id.equals(adminId)) {
            throw new ConflictException("Administrators cannot deactivate their own account.");
        }
        keycloak.setEnabled(id, active);
        return transaction.execute(status -> {
            UserAccount current = account(id);
            current.setActive(active);
            current.touch(clock.instant());
            users.saveAndFlush(current);
            if (active) {
                events.updated(current);
            } else {
                events.deactivated(current);
            }
            return current.toProfile();
        });
    }

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
