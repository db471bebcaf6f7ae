package org.careslot.platform.localstack;

/**
 * The command line of {@code local-stack.sh}. Everything else (ports, directories, JVM options) comes from the
 * environment, see {@link StackSettings}.
 *
 * @param fresh              wipe the data dir (except the cache of unpacked binaries) before starting
 * @param infrastructureOnly start PostgreSQL, Kafka, Keycloak and SMTP, but no service
 * @param help               print {@link #usage()} and do nothing else
 * @param seed               load the demo data through the API once the stack is READY
 * @param seedOnly           start nothing: load the demo data into the stack that is running already
 */
record LaunchOptions(boolean fresh, boolean infrastructureOnly, boolean help, boolean seed, boolean seedOnly) {

    /** Reads the arguments in order: a help flag wins over what follows it, an unknown argument over what follows. */
    static LaunchOptions parse(String... args) {
        boolean fresh = false;
        boolean infrastructureOnly = false;
        boolean seed = false;
        boolean seedOnly = false;
        for (String arg : args) {
            switch (arg) {
                case "--fresh" -> fresh = true;
                case "--infra-only" -> infrastructureOnly = true;
                case "--seed" -> seed = true;
                case "--seed-only" -> seedOnly = true;
                case "-h", "--help" -> {
                    return new LaunchOptions(fresh, infrastructureOnly, true, seed, seedOnly);
                }
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        if (seed && infrastructureOnly) {
            throw new IllegalArgumentException("--seed needs the services: it cannot go with --infra-only");
        }
        if (seedOnly && (fresh || infrastructureOnly || seed)) {
            throw new IllegalArgumentException("--seed-only starts nothing: it goes with no other option");
        }
        return new LaunchOptions(fresh, infrastructureOnly, false, seed, seedOnly);
    }

    static String usage() {
        return """
                usage: local-stack.sh [--fresh] [--infra-only | --seed] | --seed-only
                  --fresh        delete the data dir (LOCAL_STACK_DIR, default ./.local-stack) before starting
                  --infra-only   start PostgreSQL, Kafka, Keycloak and SMTP only (run the services from an IDE)
                  --seed         once READY, load the demo data through the API (idempotent: what exists is kept)
                  --seed-only    start nothing; load the demo data into the local stack that is running already
                Demo accounts: CARESLOT_DEMO_PASSWORD (dev default Demo.12345); admin: CARESLOT_ADMIN_PASSWORD.
                Ports and options come from the environment: GATEWAY_PORT, IDENTITY_PORT, DOCTOR_PORT, BOOKING_PORT,
                NOTIFICATION_PORT, REPORTING_PORT, KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT, POSTGRES_PORT, KAFKA_PORT,
                KAFKA_CONTROLLER_PORT, SMTP_PORT, SMTP_IMAP_PORT, ZIPKIN_PORT, LOCAL_STACK_DIR,
                LOCAL_STACK_START_TIMEOUT_SECONDS, LOCAL_STACK_SERVICE_STAGGER_MS, LOCAL_STACK_SERVICE_JAVA_OPTS,
                LOCAL_STACK_KAFKA_JAVA_OPTS, LOCAL_STACK_ZIPKIN_JAVA_OPTS.""";
    }
}
