package org.careslot.reporting;

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
}
