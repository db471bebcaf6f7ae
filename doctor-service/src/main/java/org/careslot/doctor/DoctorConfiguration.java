package org.careslot.doctor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class DoctorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
