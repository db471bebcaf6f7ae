package org.careslot.platform.localstack;

/**
 * The command line of {@code local-stack.sh}. Everything else (ports, directories, JVM options) comes from the
 * environment, see {@link StackSettings}.
 *
 * @param fresh              wipe the data dir (except the cache of unpacked binaries) before starting
 * @param infrastructureOnly start PostgreSQL, Kafka, Keycloak and SMTP, but no service
 * @param help               print {@link #usage()} and do nothing else
 */
record LaunchOptions(boolean fresh, boolean infrastructureOnly, boolean help) {

    /** Reads the arguments in order: a help flag wins over what follows it, an unknown argument over what follows. */
    static LaunchOptions parse(String... args) {
        boolean fresh = false;
        boolean infrastructureOnly = false;
        for (String arg : args) {
            switch (arg) {
                case "--fresh" -> fresh = true;
                case "--infra-only" -> infrastructureOnly = true;
                case "-h", "--help" -> {
                    return new LaunchOptions(fresh, infrastructureOnly, true);
                }
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        return new LaunchOptions(fresh, infrastructureOnly, false);
    }

    static String usage() {
        return """
                usage: local-stack.sh [--fresh] [--infra-only]
                  --fresh        delete the data dir (LOCAL_STACK_DIR, default ./.local-stack) before starting
                  --infra-only   start PostgreSQL, Kafka, Keycloak and SMTP only (run the services from an IDE)
                Ports and options come from the environment: GATEWAY_PORT, IDENTITY_PORT, DOCTOR_PORT, BOOKING_PORT,
                NOTIFICATION_PORT, REPORTING_PORT, KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT, POSTGRES_PORT, KAFKA_PORT,
                KAFKA_CONTROLLER_PORT, SMTP_PORT, SMTP_IMAP_PORT, ZIPKIN_PORT, LOCAL_STACK_DIR,
                LOCAL_STACK_START_TIMEOUT_SECONDS, LOCAL_STACK_SERVICE_STAGGER_MS, LOCAL_STACK_SERVICE_JAVA_OPTS,
                LOCAL_STACK_KAFKA_JAVA_OPTS, LOCAL_STACK_ZIPKIN_JAVA_OPTS.""";
    }
}
