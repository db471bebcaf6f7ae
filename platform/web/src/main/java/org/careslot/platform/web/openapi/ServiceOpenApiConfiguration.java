package org.careslot.platform.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The service's OpenAPI document as clients see it: through the gateway (server "/"), with Keycloak bearer
 * tokens. Services describe their own decisions in {@code careslot.api.description}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(OpenAPI.class)
public class ServiceOpenApiConfiguration {

    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI serviceOpenApi(@Value("${spring.application.name:service}") String name,
            @Value("${careslot.api.description:}") String description,
            @Value("${careslot.api.version:v1}") String version) {
        return new OpenAPI()
                .info(new Info().title(name).version(version)
                        .description(description + "\n\nConventions: snake_case JSON, RFC 9457 problem+json errors, "
                                + "Django-style trailing slashes (the bare path works too), paginated lists "
                                + "`{count, next, previous, results}` with `page` and `page_size` (max 100).")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/").description("through the API gateway")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Access token issued by Keycloak (realm 'appointments')")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
