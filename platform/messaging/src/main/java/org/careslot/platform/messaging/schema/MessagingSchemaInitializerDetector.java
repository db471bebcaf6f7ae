package org.careslot.platform.messaging.schema;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

import java.util.Set;

/**
 * Lets Boot treat {@link MessagingSchemaMigration} like its own Flyway run: beans that depend on database
 * initialization (JPA, {@code @DependsOnDatabaseInitialization}) start after the messaging tables exist.
 */
public class MessagingSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(MessagingSchemaMigration.class);
    }
}
