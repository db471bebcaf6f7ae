package org.careslot.gateway.docs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code /v1/} is the documented address of the Swagger UI; springdoc serves it under {@code /v1/swagger-ui/},
 * listing the OpenAPI of every service (routed to each at {@code /v3/api-docs/{service}}). A plain 302, which every
 * browser and HTTP client follows for a GET.
 */
@Configuration(proxyBeanMethods = false)
public class SwaggerUiEntryPoint {

    static final URI SWAGGER_UI = URI.create("/v1/swagger-ui/index.html");

    @Bean
    RouterFunction<ServerResponse> swaggerUiRedirect() {
        return route(GET("/v1").or(GET("/v1/")), request -> ServerResponse.status(HttpStatus.FOUND).location(SWAGGER_UI).build());
    }
}
