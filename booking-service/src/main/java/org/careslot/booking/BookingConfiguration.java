package org.careslot.booking;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BookingConfiguration {

    /** "Now" of every rule (past times, COMPLETED/NO_SHOW only after the start). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
