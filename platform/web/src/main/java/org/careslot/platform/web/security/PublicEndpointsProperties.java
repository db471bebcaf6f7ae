package org.careslot.platform.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Endpoints a service serves without a token, e.g. {@code careslot.web.public-endpoints[0]=GET /api/v1/locations/**}
 * (method optional). Everything else requires a valid JWT; role and ownership checks stay in the service.
 */
@ConfigurationProperties("careslot.web")
public record PublicEndpointsProperties(List<String> publicEndpoints) {

    public PublicEndpointsProperties {
        publicEndpoints = publicEndpoints == null ? List.of() : List.copyOf(publicEndpoints);
    }
}
