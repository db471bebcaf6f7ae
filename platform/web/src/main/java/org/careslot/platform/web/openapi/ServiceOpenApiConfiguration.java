package org.careslot.platform.web.openapi;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.servers.Server;
import org.careslot.platform.web.security.CurrentUser;
import org.careslot.platform.web.security.PublicEndpointsProperties;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.security.Principal;
import java.util.List;

/**
 * The service's OpenAPI document as clients see it: through the gateway (server "/"), with Keycloak bearer
 * tokens, snake_case members, canonical paths with the trailing slash, and each operation's problem+json answers
 * ({@link ClientViewOfTheApi}, {@link RoleCheckResponses}). Services describe their own decisions in
 * {@code careslot.api.description} and their own answers (409, 413, ...) with {@code @ApiResponse}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({OpenAPI.class, SpringDocUtils.class})
public class ServiceOpenApiConfiguration {

    static {
        // The caller is resolved from the token, never sent as a parameter: springdoc would otherwise offer it as
        // query parameters (e.g. ?caller.id=...) and describe the internal types as schemas.
        SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(CurrentUser.class, Authentication.class, JwtAuthenticationToken.class,
                        Jwt.class, Principal.class)
                // a free-form JSON member (Jackson 3 tree) is "any object" to a client, not a type named JsonNode
                .replaceWithSchema(JsonNode.class, new ObjectSchema())
                .replaceWithSchema(ObjectNode.class, new ObjectSchema());
    }

    /**
     * springdoc describes bodies with swagger-core's own (Jackson 2) mapper, which does not know that the wire format
     * is snake_case (Boot's Jackson 3 setting): without this, the schemas would show {@code photoUrl} where clients
     * send and receive {@code photo_url}.
     */
    @Bean
    @ConditionalOnMissingBean(ModelResolver.class)
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    GlobalOpenApiCustomizer clientViewOfTheApi(ObjectProvider<PublicEndpointsProperties> publicEndpoints) {
        return new ClientViewOfTheApi(publicEndpoints.getIfAvailable(() -> new PublicEndpointsProperties(null))
                .publicEndpoints());
    }

    @Bean
    GlobalOperationCustomizer roleCheckResponses() {
        return new RoleCheckResponses();
    }

    /** Name of the bearer-token scheme (a token obtained elsewhere, e.g. from {@code POST /api/v1/user/login/}). */
    public static final String BEARER_SCHEME = "bearer";
    /** Name of the OAuth2 scheme: the Swagger UI's "Authorize" logs in at Keycloak with it. */
    public static final String OAUTH2_SCHEME = "keycloak";
    /** The realm's public client for browsers (platform/keycloak/appointments-realm.json), also the Swagger UI's. */
    public static final String PUBLIC_CLIENT = "careslot-web";

    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI serviceOpenApi(@Value("${spring.application.name:service}") String name,
            @Value("${careslot.api.description:}") String description,
            @Value("${careslot.api.version:v1}") String version,
            @Value("${careslot.keycloak.public-url:${careslot.keycloak.url:http://localhost:8180}}") String keycloakUrl,
            @Value("${careslot.keycloak.realm:appointments}") String realm) {
        return new OpenAPI()
                .info(new Info().title(name).version(version)
                        .description(description + "\n\nConventions: snake_case JSON, RFC 9457 problem+json errors, "
                                + "Django-style trailing slashes (the bare path works too), paginated lists "
                                + "`{count, next, previous, results}` with `page` and `page_size` (max 100).")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/").description("through the API gateway")))
                .components(new Components()
                        .addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("Access token issued by Keycloak (realm '" + realm + "'), e.g. the "
                                        + "`access` of `POST /api/v1/user/login/`"))
                        .addSecuritySchemes(OAUTH2_SCHEME, keycloakLogin(keycloakUrl, realm)))
                // alternatives: either scheme grants access
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME))
                .addSecurityItem(new SecurityRequirement().addList(OAUTH2_SCHEME));
    }

    /**
     * Keycloak's OpenID Connect endpoints at the URL a browser reaches ({@code careslot.keycloak.public-url}, from
     * {@code KEYCLOAK_PUBLIC_URL}, by default the services' own {@code KEYCLOAK_URL}). The public client allows the
     * authorization code flow (PKCE S256) and direct grants (password flow).
     */
    static SecurityScheme keycloakLogin(String keycloakUrl, String realm) {
        String base = keycloakUrl.replaceAll("/+$", "") + "/realms/" + realm + "/protocol/openid-connect";
        Scopes scopes = new Scopes().addString("openid", "OpenID Connect sign-in");
        return new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Log in at Keycloak (realm '" + realm + "') with the public client '" + PUBLIC_CLIENT
                        + "' (no secret): authorization code with PKCE, or the password flow.")
                .flows(new OAuthFlows()
                        .authorizationCode(new OAuthFlow().authorizationUrl(base + "/auth").tokenUrl(base + "/token")
                                .refreshUrl(base + "/token").scopes(scopes))
                        .password(new OAuthFlow().tokenUrl(base + "/token").refreshUrl(base + "/token")
                                .scopes(scopes)));
    }
}
