package org.careslot.platform.web.idempotency;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * {@link Idempotent} for every servlet service with a database (spring-jdbc is optional for platform-web). It uses
 * the service's {@link Clock} bean when there is one, so tests that move the clock also move the keys' age.
 */
// after the auto-configurations that may define the JdbcClient and the transaction manager (JDBC or JPA)
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.jdbc.core.simple.JdbcClient")
public class IdempotencyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({JdbcClient.class, PlatformTransactionManager.class})
    Idempotent idempotent(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json,
                          ObjectProvider<Clock> clock) {
        return new Idempotent(jdbc, transactions, json, clock.getIfAvailable(Clock::systemUTC));
    }
}
