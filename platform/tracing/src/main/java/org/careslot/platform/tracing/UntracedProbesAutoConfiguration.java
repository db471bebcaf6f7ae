package org.careslot.platform.tracing;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link UntracedProbes} in the servlet services and the reactive gateway alike. */
@AutoConfiguration
public class UntracedProbesAutoConfiguration {

    @Bean
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
