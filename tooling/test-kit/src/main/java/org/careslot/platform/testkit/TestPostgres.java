package org.careslot.platform.testkit;

/** The test PostgreSQL (17, {@code wal_level=logical}), whichever implementation runs it. */
public interface TestPostgres {

    String jdbcUrl(String database);

    String username();

    String password();

    /** Creates the database unless it exists (safe to call from several JVMs at once). */
    void createDatabase(String name);
}
