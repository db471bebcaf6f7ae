package org.careslot.identity.user.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.careslot.identity.photo.UserPhotos;
import org.careslot.identity.user.UserProfileService;
import org.careslot.identity.user.UserProfileService.TokenIdentity;
import org.careslot.identity.user.api.UserResponses.Profile;
import org.careslot.identity.user.domain.UserProfile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@RestController
@Tag(name = "Own profile")
class MeController {

    private final UserProfileService profiles;
    private final UserPhotos photos;

    MeController(UserProfileService profiles, UserPhotos photos) {
        this.profiles = profiles;
        this.photos = photos;
    }

    @GetMapping("/api/v1/user/me")
    @Operation(summary = "Your profile, including your medical profile if you are a patient")
    Profile me(@AuthenticationPrincipal Jwt token) {
        return profile(profiles.profileOf(identity(token)));
    }

    @PatchMapping("/api/v1/user/me")
    @Operation(summary = "Change your profile",
            description = "Writable: full_name, phone, division_id, district_id, thana_id, date_of_birth, gender, "
                    + "notification_channels (a non-empty array of distinct values from EMAIL and SMS: how reminders and "
                    + "notices reach you; default [\"EMAIL\"]), "
                    + "and for patients blood_group, emergency_contact, medical_history. id, email, role and "
                    + "is_active are ignored (never applied), as is any unknown member.")
    @ApiResponse(responseCode = "409", description = "The phone number belongs to another account",
            content = @Content(mediaType = "application/problem+json"))
    Profile update(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ProfileChangeRequest change) {
        return profile(profiles.update(identity(token), change.toChange()));
    }

    private Profile profile(UserProfile user) {
        return Profile.of(user, photos.photoUrl(user.id()).orElse(null));
    }

    static TokenIdentity identity(Jwt token) {
        Set<String> roles = new HashSet<>();
        if (token.getClaims().get("realm_access") instanceof Map<?, ?> access
                && access.get("roles") instanceof List<?> list) {
            list.forEach(role -> roles.add(String.valueOf(role)));
        }
        return new TokenIdentity(UUID.fromString(token.getSubject()), token.getClaimAsString("email"),
                token.getClaimAsString("name"), roles);
    }
}
