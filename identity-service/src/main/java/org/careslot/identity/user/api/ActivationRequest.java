package org.careslot.identity.user.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;

/** {@code PATCH /api/v1/users/{id}/}: only {@code is_active}; other members are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ActivationRequest(@NotNull(message = "Must be true or false.") Boolean isActive) {
}
