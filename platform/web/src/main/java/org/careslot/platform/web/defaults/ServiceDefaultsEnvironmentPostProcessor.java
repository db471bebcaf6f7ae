package org.careslot.platform.web.defaults;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds the platform's conventions (snake_case JSON, problem+json, probes, metrics, the local stack's
 * connection defaults read from environment variables, ...) as the LOWEST-precedence property source, so
 * every service shares them and any service, environment variable or test can still override each one.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE = "classpath:careslot-service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("careslot-service-defaults",
                            new ClassPathResource("careslot-service-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SOURCE, e);
        }
    }
}
