package org.careslot.identity;

import org.careslot.identity.user.keycloak.KeycloakClientProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakClientProperties.class)
@EnableScheduling
class IdentityConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
