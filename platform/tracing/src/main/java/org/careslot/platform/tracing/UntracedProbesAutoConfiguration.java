package org.careslot.platform.tracing;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link UntracedProbes} in the servlet services and the reactive gateway alike. Spring Security's own spans
 * are left out unless {@code careslot.tracing.security-spans=true} ({@code TRACING_SECURITY_SPANS}).
 */
@AutoConfiguration
public class UntracedProbesAutoConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "careslot.tracing.security-spans", havingValue = false, matchIfMissing = true)
    ObservationPredicate noSecuritySpans() {
        return UntracedProbes.noSecuritySpans();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "careslot.tracing.security-spans")
    ObservationPredicate noParentlessSecuritySpans() {
        return UntracedProbes.noParentlessSecuritySpans();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Servlet {

        @Bean
        ObservationPredicate untracedServletProbes() {
            return UntracedProbes.servlet();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Reactive {

        @Bean
        ObservationPredicate untracedReactiveProbes() {
            return UntracedProbes.reactive();
        }
    }
}
