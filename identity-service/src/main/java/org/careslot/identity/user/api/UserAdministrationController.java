package org.careslot.identity.user.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.careslot.identity.photo.UserPhotos;
import org.careslot.identity.user.UserAdministrationService;
import org.careslot.identity.user.api.UserResponses.Profile;
import org.careslot.identity.user.api.UserResponses.UserSummary;
import jakarta.validation.Valid;
import org.careslot.identity.user.domain.Role;
import org.careslot.identity.user.domain.UserProfile;
import org.careslot.platform.web.paging.PageQuery;
import org.careslot.platform.web.paging.PageResponse;
import org.careslot.platform.web.problem.InvalidFieldsException;
import org.careslot.platform.web.request.PathIds;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@Tag(name = "User administration (ADMIN)")
@PreAuthorize("hasRole('ADMIN')")
class UserAdministrationController {

    private final UserAdministrationService administration;
    private final UserPhotos photos;

    UserAdministrationController(UserAdministrationService administration, UserPhotos photos) {
        this.administration = administration;
        this.photos = photos;
    }

    @GetMapping("/api/v1/users")
    @Operation(summary = "List users, newest first",
            description = "Filters: role (ADMIN|DOCTOR|PATIENT), is_active (true|false), search (name, e-mail or "
                    + "phone, case-insensitive substring); paginated with page and page_size.")
    PageResponse<UserSummary> list(@RequestParam(required = false) String role,
                                   @RequestParam(name = "is_active", required = false) String isActive,
                                   @RequestParam(required = false) String search,
                                   @RequestParam(required = false) String page,
                                   @RequestParam(name = "page_size", required = false) String pageSize) {
        PageQuery query = PageQuery.of(page, pageSize);
        Role roleFilter = role == null || role.isBlank() ? null : Role.parse(role.toUpperCase())
                .orElseThrow(() -> InvalidFieldsException.of("role", "Must be one of [ADMIN, DOCTOR, PATIENT]."));
        Boolean active = parseBoolean(isActive);
        Page<UserProfile> users = administration.search(roleFilter, active, search, query);
        return PageResponse.of(users.getContent().stream().map(UserSummary::of).toList(), users.getTotalElements(),
                query);
    }

    @GetMapping("/api/v1/users/{id}")
    @Operation(summary = "One user's whole profile")
    Profile get(@PathVariable String id) {
        UUID userId = PathIds.parse(id, "User");
        return Profile.of(administration.get(userId), photos.photoUrl(userId).orElse(null));
    }

    @PatchMapping("/api/v1/users/{id}")
    @Operation(summary = "Activate or deactivate an account: {\"is_active\": false}",
            description = "Deactivation disables the Keycloak account and ends its sessions. Other members are "
                    + "ignored.")
    @ApiResponse(responseCode = "409", description = "An administrator cannot deactivate their own account",
            content = @Content(mediaType = "application/problem+json"))
    Profile setActive(@PathVariable String id, @Valid @RequestBody ActivationRequest body, CurrentUser admin) {
        UUID userId = PathIds.parse(id, "User");
        UserProfile user = administration.setActive(admin.id(), userId, body.isActive());
        return Profile.of(user, photos.photoUrl(userId).orElse(null));
    }

    private static Boolean parseBoolean(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw InvalidFieldsException.of("is_active", "Must be true or false.");
        };
    }
}
