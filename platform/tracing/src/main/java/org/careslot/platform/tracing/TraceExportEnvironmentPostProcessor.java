package org.careslot.platform.tracing;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the spans of an application go, decided by two environment variables, the same in the gateway and every
 * service:
 * <ul>
 *   <li>{@value #OTLP_VARIABLE}: the OTLP/HTTP traces endpoint of a collector (Jaeger, an OpenTelemetry
 *       collector, ...), e.g. {@code http://jaeger:4318/v1/traces} — for production;</li>
 *   <li>{@value #ZIPKIN_VARIABLE}: a Zipkin server's span endpoint, e.g. {@code http://localhost:9411/api/v2/spans}
 *       — the local stack sets it for its trace UI.</li>
 * </ul>
 * Either, both or neither may be set; with neither, spans are still made (trace ids in logs, {@code X-Trace-Id},
 * {@code traceparent} across HTTP and Kafka) but never leave the process, and nothing tries to connect anywhere.
 * Boot creates the OTLP exporter as soon as its endpoint property exists, even empty, and the Zipkin exporter
 * unless it is switched off, so a {@code ${VAR:}} default in a properties file would not do: the properties are set
 * here only for a real endpoint. Lowest precedence: an explicit Boot property still wins.
 */
public class TraceExportEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String OTLP_VARIABLE = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    static final String ZIPKIN_VARIABLE = "ZIPKIN_ENDPOINT";
    static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String ZIPKIN_ENDPOINT = "management.tracing.export.zipkin.endpoint";
    static final String ZIPKIN_ENABLED = "management.tracing.export.zipkin.enabled";
    static final String SOURCE = "careslot-trace-export";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String otlp = environment.getProperty(OTLP_VARIABLE);
        if (StringUtils.hasText(otlp) && !environment.containsProperty(OTLP_ENDPOINT)) {
            properties.put(OTLP_ENDPOINT, otlp.trim());
        }
        String zipkin = environment.getProperty(ZIPKIN_VARIABLE);
        if (StringUtils.hasText(zipkin)) {
            if (!environment.containsProperty(ZIPKIN_ENDPOINT)) {
                properties.put(ZIPKIN_ENDPOINT, zipkin.trim());
            }
        } else if (!environment.containsProperty(ZIPKIN_ENDPOINT) && !environment.containsProperty(ZIPKIN_ENABLED)) {
            // Boot would otherwise export to its default, http://localhost:9411, and log a failure per batch
            properties.put(ZIPKIN_ENABLED, "false");
        }
        if (!properties.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, properties));
        }
    }
}
