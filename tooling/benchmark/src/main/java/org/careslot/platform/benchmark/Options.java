package org.careslot.platform.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The command line of {@code ./benchmark.sh}; every default is the data set and a full run. */
record Options(boolean attach, int doctors, int patients, int parallelism, Duration warmUp, Duration duration,
               List<Integer> bookingConnections, int readConnections, int logins, int pacedBookings,
               String synchronousCommit, Set<String> scenarios, Path output, String label, String runTag,
               int daysOffset) {

    static final String USAGE = """
            usage: ./benchmark.sh [options]
              --attach                 use the stack running already (ports from GATEWAY_PORT, KEYCLOAK_PORT,
                                       POSTGRES_PORT, IDENTITY_PORT ..., pids from .local-stack/processes);
                                       default: start a fresh stack on free ports under target/benchmark/stack
              --doctors N              doctors with a weekly schedule (200)
              --patients N             patients with tokens (2000)
              --parallelism N          threads registering accounts (6)
              --warm-up SECONDS        per scenario, excluded from the figures (60: C2 in six JVMs on
                                       2 cores is still compiling after 20 s)
              --duration SECONDS       measured per scenario (30)
              --connections 16,64      booking scenario runs, one per count
              --read-connections N     read scenarios (16)
              --logins N               logins per path in the login comparison (200)
              --paced-bookings N       bookings at 10/s for the event lag of an unsaturated platform (100)
              --synchronous-commit on  PostgreSQL durability for the run: on or off (ALTER SYSTEM on the stack's
                                       server); default: on for a started stack, unchanged with --attach
              --scenarios LIST         any of booking,reads,lag,login (all)
              --output DIR             where summary.json and report.html go (target/benchmark)
              --label TEXT             a name for this run's settings, kept in the summary
              --run-tag DIGITS         reuse the accounts of an earlier run on the same stack (its tag is printed);
                                       default: a new tag, new accounts
              --days-offset N          book from N days later than the day after tomorrow (0); with --run-tag, so
                                       that a second run does not aim at the first run's appointments
            Environment: LOCAL_STACK_SERVICE_JAVA_OPTS (JVM options of the six services) reaches the started stack.
            """;

    static Options parse(String[] args, Path projectRoot) {
        boolean attach = false;
        int doctors = 200;
        int patients = 2000;
        int parallelism = 6;
        Duration warmUp = Duration.ofSeconds(60);
        Duration duration = Duration.ofSeconds(30);
        List<Integer> connections = List.of(16, 64);
        int readConnections = 16;
        int logins = 200;
        int paced = 100;
        String synchronousCommit = null;
        Set<String> scenarios = Set.of("booking", "reads", "lag", "login");
        Path output = projectRoot.resolve("target/benchmark");
        String label = "";
        int daysOffset = 0;
        String runTag = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000_000L);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--attach" -> attach = true;
                case "--doctors" -> doctors = Integer.parseInt(value(args, ++i, arg));
                case "--patients" -> patients = Integer.parseInt(value(args, ++i, arg));
                case "--parallelism" -> parallelism = Integer.parseInt(value(args, ++i, arg));
                case "--warm-up" -> warmUp = Duration.ofSeconds(Long.parseLong(value(args, ++i, arg)));
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value(args, ++i, arg)));
                case "--connections" -> {
                    List<Integer> counts = new ArrayList<>();
                    for (String c : value(args, ++i, arg).split(",")) {
                        counts.add(Integer.parseInt(c.trim()));
                    }
                    connections = List.copyOf(counts);
                }
                case "--read-connections" -> readConnections = Integer.parseInt(value(args, ++i, arg));
                case "--logins" -> logins = Integer.parseInt(value(args, ++i, arg));
                case "--paced-bookings" -> paced = Integer.parseInt(value(args, ++i, arg));
                case "--synchronous-commit" -> synchronousCommit = value(args, ++i, arg);
                case "--scenarios" -> scenarios = Set.of(value(args, ++i, arg).split(","));
                case "--output" -> output = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--label" -> label = value(args, ++i, arg);
                case "--run-tag" -> runTag = value(args, ++i, arg);
                case "--days-offset" -> daysOffset = Integer.parseInt(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (!runTag.matches("\\d{3,9}")) {
            throw new IllegalArgumentException("--run-tag must be 3 to 9 digits");
        }
        if (doctors < 1 || patients < 1) {
            throw new IllegalArgumentException("--doctors and --patients must be at least 1");
        }
        return new Options(attach, doctors, patients, parallelism, warmUp, duration, connections, readConnections,
                logins, paced, synchronousCommit, scenarios, output, label, runTag,
                daysOffset);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }
}
