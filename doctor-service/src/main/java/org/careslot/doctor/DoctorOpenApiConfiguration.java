package org.careslot.doctor;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * springdoc describes bodies with swagger-core's own (Jackson 2) mapper, which does not know that the wire format is
 * snake_case (Boot's Jackson 3 setting): without this, the OpenAPI schemas would show {@code consultationFee} where
 * clients send and receive {@code consultation_fee}.
 */
@Configuration(proxyBeanMethods = false)
class DoctorOpenApiConfiguration {

    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
