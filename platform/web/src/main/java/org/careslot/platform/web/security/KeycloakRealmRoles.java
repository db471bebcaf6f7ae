package org.careslot.platform.web.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keycloak puts realm roles under {@code realm_access.roles}; Spring expects {@code ROLE_*} authorities.
 * Roles other than the platform's three (default-roles-*, offline_access, ...) are ignored.
 */
public final class KeycloakRealmRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

    static Set<CurrentUser.Role> of(Jwt jwt) {
        Set<CurrentUser.Role> roles = EnumSet.noneOf(CurrentUser.Role.class);
        if (jwt.getClaim("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof List<?> names) {
            for (Object name : names) {
                for (CurrentUser.Role role : CurrentUser.Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return of(jwt).stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }
}
