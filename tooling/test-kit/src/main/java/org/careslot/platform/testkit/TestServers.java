package org.careslot.platform.testkit;

/**
 * Starts the servers of {@link TestInfrastructure}. {@link LocalServers} (default) runs them from Maven artifacts
 * without Docker; with {@code -Dcareslot.infrastructure=testcontainers} (Maven profile {@code testcontainers}, which
 * compiles {@code src/testcontainers/java} and brings Testcontainers) they run as containers. Each server is started
 * once per JVM and stopped when it exits.
 */
interface TestServers {

    /** System property choosing the implementation: {@value #LOCAL} (default) or {@value #TESTCONTAINERS}. */
    String PROPERTY = "careslot.infrastructure";
    String LOCAL = "local";
    String TESTCONTAINERS = "testcontainers";
    /** Compiled only by the Maven profile {@code testcontainers}, hence loaded by name. */
    String CONTAINER_SERVERS = "org.careslot.platform.testkit.ContainerServers";

    TestPostgres startPostgres();

    TestKafka startKafka();

    TestKeycloak startKeycloak();

    TestSmtp startSmtp();

    static TestServers chosen() {
        String chosen = System.getProperty(PROPERTY, LOCAL).trim();
        if (chosen.isEmpty() || chosen.equals(LOCAL)) {
            return new LocalServers();
        }
        if (!chosen.equals(TESTCONTAINERS)) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + chosen + " is unknown: use " + LOCAL
                    + " (default, no Docker) or " + TESTCONTAINERS + " (Maven profile -Ptestcontainers, needs Docker)");
        }
        try {
            return (TestServers) Class.forName(CONTAINER_SERVERS).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + TESTCONTAINERS + " needs the container servers, "
                    + "which only the Maven profile builds: run with -P" + TESTCONTAINERS, e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // e.g. no Docker: ContainerServers says so
            }
            throw new IllegalStateException("cannot create " + CONTAINER_SERVERS, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + CONTAINER_SERVERS, e);
        }
    }
}
