package org.careslot.gateway.tracing;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.util.Map;

/**
 * Turns OTLP trace export on only when {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} has a value. Boot creates the
 * exporter as soon as the endpoint property exists, even when empty, so a {@code ${VAR:}} default in
 * application.yml would export to nowhere; this sets the property only for a real endpoint.
 */
public class OtlpEndpointEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String VARIABLE = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    static final String PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String endpoint = environment.getProperty(VARIABLE);
        if (StringUtils.hasText(endpoint) && !environment.containsProperty(PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource("careslot-otlp-endpoint",
                    Map.of(PROPERTY, endpoint.trim())));
        }
    }
}
