package org.careslot.platform.messaging.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;

/**
 * Creates the library's tables with a Flyway run of its own: location {@value #LOCATION}, history table
 * {@value #HISTORY_TABLE}. Services neither add the location to {@code spring.flyway.locations} nor reserve
 * version numbers: the library's migrations evolve independently of each service's {@code db/migration}
 * (sharing one history would make every later library migration "out of order" for some service).
 */
public class MessagingSchemaMigration implements InitializingBean {

    public static final String LOCATION = "classpath:db/outbox";
    public static final String HISTORY_TABLE = "messaging_schema_history";

    private static final Logger log = LoggerFactory.getLogger(MessagingSchemaMigration.class);

    private final DataSource dataSource;
    private final boolean enabled;

    public MessagingSchemaMigration(DataSource dataSource, boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    @Override
    public void afterPropertiesSet() {
        if (!enabled) {
            return;
        }
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // the service's own migrations may have run first: the schema is then "not empty";
                // baseline at 0 so that V1 of this location still runs
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("Messaging schema migrated to version {}", result.targetSchemaVersion);
        }
    }
}
