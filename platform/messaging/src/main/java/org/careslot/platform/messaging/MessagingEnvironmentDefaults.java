package org.careslot.platform.messaging;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Listener defaults that the event contract relies on, added with the lowest precedence (any explicit
 * setting wins):
 * <ul>
 *   <li>{@code spring.kafka.listener.ack-mode=batch}: the offsets of the records of one poll are committed
 *       together once their handlers (each with its own database transaction) returned. A crash re-delivers
 *       at most that poll's records, which {@code ProcessedEvents} then skips; one commit per poll instead of
 *       one synchronous commit per record took a round trip to the broker (and a write to its offsets log)
 *       off every event a saturated consumer handles;</li>
 *   <li>{@code spring.kafka.consumer.enable-auto-commit=false}: never commit before handling;</li>
 *   <li>{@code spring.kafka.consumer.auto-offset-reset=earliest}: a new consumer group reads the topic from
 *       the start instead of missing everything published before it first connected;</li>
 *   <li>{@code spring.kafka.consumer.group-id=${spring.application.name}}: one group per service;</li>
 *   <li>{@code spring.flyway.baseline-on-migrate=true} at {@code baseline-version=0}: the library's own tables
 *       may exist before the service's first migration (which Flyway would otherwise refuse as a "non-empty
 *       schema without history"); baselining at 0 still applies the service's V1.</li>
 * </ul>
 */
public class MessagingEnvironmentDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.kafka.listener.ack-mode", "batch");
        defaults.put("spring.kafka.consumer.enable-auto-commit", "false");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.group-id", "${spring.application.name}");
        defaults.put("spring.flyway.baseline-on-migrate", "true");
        defaults.put("spring.flyway.baseline-version", "0");
        defaults.keySet().removeIf(environment::containsProperty);
        if (!environment.containsProperty("spring.application.name")) {
            defaults.remove("spring.kafka.consumer.group-id");
        }
        DefaultPropertiesPropertySource.addOrMerge(defaults, environment.getPropertySources());
    }
}
