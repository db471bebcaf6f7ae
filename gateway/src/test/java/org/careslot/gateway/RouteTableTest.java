package org.careslot.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the route table in application.yml, without starting the gateway: one route per service, and the
 * circuit breaker comes from the default filters, named after the route (what the breaker configuration and the
 * problem details rely on). What the routes do is tested against real servers in GatewayRoutingTest.
 */
class RouteTableTest {

    private static final GatewayProperties GATEWAY = bind();
    private static final Map<String, RouteDefinition> ROUTES = GATEWAY.getRoutes().stream()
            .collect(Collectors.toMap(RouteDefinition::getId, route -> route));

    @Test
    void oneRoutePerServiceNamedAfterIt() {
        assertThat(ROUTES).containsOnlyKeys("identity", "doctor", "booking", "notification", "reporting");
        ROUTES.forEach((id, route) -> {
            assertThat(route.getMetadata()).as(id).containsEntry("service", id + "-service");
            assertThat(route.getFilters()).as("%s has only the default filters", id).isEmpty();
            assertThat(route.getPredicates()).as(id).singleElement()
                    .satisfies(path -> assertThat(path.getArgs().values()).as(id).contains("/v3/api-docs/" + id));
        });
    }

    @Test
    void everyRouteGetsACircuitBreakerNamedAfterTheRoute() {
        List<FilterDefinition> breakers = GATEWAY.getDefaultFilters().stream()
                .filter(filter -> filter.getName().equals("CircuitBreaker")).toList();
        // without a name the filter takes the route id
        assertThat(breakers).singleElement().satisfies(breaker -> assertThat(breaker.getArgs()).isEmpty());
    }

    @Test
    void bookingOwnsAvailabilityUnderTheDoctorsPrefix() {
        assertThat(ROUTES.get("booking").getOrder()).isLessThan(ROUTES.get("doctor").getOrder());
        assertThat(ROUTES.get("booking").getPredicates().getFirst().getArgs().values())
                .contains("/api/v1/doctors/*/availability/**");
    }

    @Test
    void notificationOwnsTheWaitlistUnderTheDoctorsPrefix() {
        assertThat(ROUTES.get("notification").getOrder()).isLessThan(ROUTES.get("doctor").getOrder());
        assertThat(ROUTES.get("notification").getPredicates().getFirst().getArgs().values())
                .contains("/api/v1/doctors/*/waitlist/**", "/api/v1/waitlist/**");
    }

    @Test
    void bookingOwnsTheCalendarFeeds() {
        assertThat(ROUTES.get("booking").getPredicates().getFirst().getArgs().values())
                .contains("/api/v1/calendar/**");
    }

    @Test
    void bookingServesTheFhirApi() {
        assertThat(ROUTES.get("booking").getPredicates().getFirst().getArgs().values()).contains("/fhir/r4/**");
    }

    private static GatewayProperties bind() {
        try {
            MutablePropertySources sources = new MutablePropertySources();
            for (PropertySource<?> source : new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"))) {
                sources.addLast(source);
            }
            return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
                    .bind(GatewayProperties.PREFIX, GatewayProperties.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
