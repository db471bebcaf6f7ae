package org.careslot.platform.web.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Every service is an OAuth2 resource server for Keycloak's tokens (defence in depth behind the gateway):
 * stateless, no sessions or CSRF (bearer tokens only), health/metrics/OpenAPI open, the service's declared
 * public endpoints open, everything else authenticated. Roles come from {@code realm_access.roles}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(PublicEndpointsProperties.class)
public class ServiceSecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceSecurityFilterChain(HttpSecurity http, PublicEndpointsProperties properties)
            throws Exception {
        ProblemJsonSecurityHandlers problems = new ProblemJsonSecurityHandlers();
        JwtAuthenticationConverter jwtConverter = new JwtAuthenticationConverter();
        jwtConverter.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoles());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .anonymous(Customizer.withDefaults())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(rs -> rs
                        .withObjectPostProcessor(answerUnreachableKeysWith503(problems))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter)))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                            "/actuator/info", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**",
                            "/swagger-ui.html", "/error").permitAll();
                    for (String endpoint : properties.publicEndpoints()) {
                        auth.requestMatchers(matcher(endpoint)).permitAll();
                    }
                    auth.anyRequest().authenticated();
                });
        return http.build();
    }

    /**
     * By default a token that cannot be checked because Keycloak's keys are unreachable ends as a 500; send it
     * to the entry point instead, which answers 503 for that case and 401 for a bad token.
     */
    private static ObjectPostProcessor<BearerTokenAuthenticationFilter> answerUnreachableKeysWith503(
            ProblemJsonSecurityHandlers problems) {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                var failureHandler = new AuthenticationEntryPointFailureHandler(problems);
                failureHandler.setRethrowAuthenticationServiceException(false);
                filter.setAuthenticationFailureHandler(failureHandler);
                return filter;
            }
        };
    }

    static PathPatternRequestMatcher matcher(String endpoint) {
        String[] parts = endpoint.trim().split("\\s+", 2);
        if (parts.length == 2) {
            return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(parts[0]), parts[1]);
        }
        return PathPatternRequestMatcher.withDefaults().matcher(parts[0]);
    }
}
