package org.careslot.platform.testkit;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.List;

/**
 * Makes a test class's {@link RealInfrastructure} part of its Spring test context's cache key. The extension
 * publishes the servers' coordinates as system properties, which Spring does not see when it looks for a cached
 * context: without this, a class asking for database {@code b} would silently reuse the context another class built
 * for database {@code a} (or for a developer's local stack). Classes with equal annotations still share a context.
 */
public record RealInfrastructureContextKey(RealInfrastructure infrastructure) implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        // only the identity matters: the properties themselves come from RealInfrastructureExtension
    }

    /** Registered in {@code META-INF/spring.factories}. */
    public static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configurationAttributes) {
            RealInfrastructure infrastructure = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                    RealInfrastructure.class);
            // annotations are equal when all their attributes are: the record's equals and hashCode are the key
            return infrastructure == null ? null : new RealInfrastructureContextKey(infrastructure);
        }
    }
}
