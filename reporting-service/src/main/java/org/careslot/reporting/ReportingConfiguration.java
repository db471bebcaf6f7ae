package org.careslot.reporting;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReportingConfiguration {

    /** "Now" of the month close and of the event-to-report latency. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * springdoc describes bodies with swagger-core's own (Jackson 2) mapper, which does not know that the wire format
     * is snake_case: without this the OpenAPI schemas would show {@code totalAppointments}.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
