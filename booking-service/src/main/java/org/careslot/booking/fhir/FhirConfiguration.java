package org.careslot.booking.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    /**
     * One context for the whole service: building it scans the R4 model (hundreds of milliseconds, megabytes), while
     * the parsers it creates are cheap and made per request (they are not thread-safe).
     */
    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
