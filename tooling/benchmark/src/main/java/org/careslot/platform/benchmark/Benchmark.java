package org.careslot.platform.benchmark;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * {@code ./benchmark.sh}: starts (or attaches to) the local stack, loads generated doctors and patients through the
 * gateway, runs the scenarios and writes summary.json and report.html. Exit code 0 when it ran, whether or not the
 * targets were met (they are in the summary); 1 when it could not run.
 */
public final class Benchmark {

    /** Bookings go up to this many days ahead: 200 doctors × 60 days × 48 starts = 576,000 distinct starts. */
    private static final int DAYS_AHEAD = 60;

    /**
     * The six services' JVM options of a started stack: those of the local stack (StackSettings) with the JIT of a
     * production deployment (tiered, C2 included) instead of C1 only, which starts faster but runs the steady state
     * markedly slower; a code cache large enough for C2's code. LOCAL_STACK_SERVICE_JAVA_OPTS replaces them.
     */
    static final String SERVICE_JAVA_OPTS = "-Xms64m -Xmx256m -Xss512k -XX:+UseSerialGC"
            + " -XX:ReservedCodeCacheSize=128m -XX:MaxMetaspaceSize=256m -XX:+ExitOnOutOfMemoryError"
            + " --enable-native-access=ALL-UNNAMED";

    private Benchmark() {
    }

    public static void main(String[] args) {
        Path root = projectRoot();
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.print(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(options, root);
            System.exit(0);
        } catch (Exception e) {
            System.err.println("BENCHMARK FAILED: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(Options options, Path root) throws Exception {
        Console console = new Console();
        Files.createDirectories(options.output());
        Map<String, String> stackEnvironment = new LinkedHashMap<>();
        String serviceOptions = System.getenv("LOCAL_STACK_SERVICE_JAVA_OPTS");
        stackEnvironment.put("LOCAL_STACK_SERVICE_JAVA_OPTS",
                serviceOptions == null || serviceOptions.isBlank() ? SERVICE_JAVA_OPTS : serviceOptions);
        try (Stack stack = options.attach() ? Stack.attach(root, System.getenv())
                : Stack.start(root, options.output().resolve("stack"), stackEnvironment, Duration.ofMinutes(12),
                console)) {
            // production durability unless asked otherwise; an attached (developer's) stack is left as it is
            String durability = options.synchronousCommit() != null ? options.synchronousCommit()
                    : stack.started() ? "on" : null;
            if (durability != null) {
                EventLag.setSynchronousCommit(stack, durability);
            }
            Http http = new Http();
            Keycloak keycloak = new Keycloak(http, stack.keycloakUrl());
            String runTag = options.runTag();
            DataLoader loader = new DataLoader(http, keycloak, stack.gatewayUrl(), options.parallelism(), console,
                    runTag);
            console.line("data", "run tag " + runTag + ": loading " + options.doctors() + " doctors and "
                    + options.patients() + " patients through " + stack.gatewayUrl());
            LocalDate firstDay = DataLoader.firstBookableDay().plusDays(options.daysOffset());
            Accounts accounts = loader.load(options.doctors(), options.patients(), firstDay);
            Map<String, Object> settings = RunSettings.capture(stack, root, options.label());
            settings.put("data", Map.of("doctors", options.doctors(), "patients", options.patients(),
                    "slots_per_doctor_day", DataLoader.SLOTS_PER_DAY, "days_ahead", DAYS_AHEAD));
            settings.put("measured_seconds_per_scenario", options.duration().toSeconds());
            settings.put("warm_up_seconds_per_scenario", options.warmUp().toSeconds());
            console.line("settings", settings.toString());

            List<ScenarioResult> scenarios = new ArrayList<>();
            List<EventLag.Result> lag = List.of();
            List<EventLag.Result> lagUnloaded = List.of();
            LoginComparison.Result login = null;
            Supplier<Map<String, Double>> cpu = () -> ProcessCpu.snapshot(stack.processes());
            BookingScenario booking = new BookingScenario(stack.gatewayUrl(), accounts, firstDay, DAYS_AHEAD, 42, cpu);
            try (ProcessMemory memory = new ProcessMemory(stack::processes)) {
                if (options.scenarios().contains("booking")) {
                    for (int connections : options.bookingConnections()) {
                        loader.renewTokens(accounts.patients());
                        Queue<BookingScenario.Booked> booked = new ConcurrentLinkedQueue<>();
                        ScenarioResult result = booking.run("booking", connections, options.warmUp(),
                                options.duration(), booked);
                        scenarios.add(report(console, result));
                        if (connections == options.bookingConnections().getFirst()
                                && options.scenarios().contains("lag")) {
                            lag = new EventLag(stack).measure(booked, Duration.ofMinutes(3));
                            lag.forEach(r -> console.line("lag", r.toString()));
                        }
                    }
                }
                if (options.scenarios().contains("lag") && options.pacedBookings() > 0) {
                    loader.renewTokens(accounts.patients());
                    Thread.sleep(5000); // let the consumers catch up with whatever ran before
                    Queue<BookingScenario.Booked> paced = booking.paced(options.pacedBookings(), Duration.ofMillis(100));
                    lagUnloaded = new EventLag(stack).measure(paced, Duration.ofMinutes(1));
                    lagUnloaded.forEach(r -> console.line("lag", "paced " + r));
                }
                if (options.scenarios().contains("reads")) {
                    ReadScenarios reads = new ReadScenarios(stack.gatewayUrl(), accounts, firstDay, DAYS_AHEAD, cpu);
                    int c = options.readConnections();
                    scenarios.add(report(console, reads.search(c, options.warmUp(), options.duration())));
                    scenarios.add(report(console, reads.detail(c, options.warmUp(), options.duration())));
                    scenarios.add(report(console, reads.availability(c, options.warmUp(), options.duration())));
                }
                if (options.scenarios().contains("login")) {
                    LoginComparison comparison = new LoginComparison(http, keycloak, stack.gatewayUrl(),
                            stack.started() || System.getenv("IDENTITY_PORT") != null ? stack.identityUrl() : null);
                    login = comparison.run(accounts.patients().getFirst(), DataLoader.PASSWORD, options.logins(), 20);
                    console.line("login", login.toString());
                }
                settings.put("load_average_at_end", RunSettings.loadAverage());
                settings.put("bookings_made", booking.used());
                ProcessMemory.Peak peak = memory.peak();
                console.line("memory", "peak total RSS " + peak.totalRssMb() + " MB, PSS " + peak.totalPssMb() + " MB");
                Summary summary = new Summary(settings, scenarios, lag, lagUnloaded, login, peak,
                        Targets.check(scenarios, lag, login, peak));
                write(summary, options.output());
                console.line("done", "wrote " + options.output().resolve("summary.json") + " and "
                        + options.output().resolve("report.html"));
            }
        }
    }

    static void write(Summary summary, Path directory) throws java.io.IOException {
        Files.createDirectories(directory);
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        Files.writeString(directory.resolve("summary.json"), json.writeValueAsString(summary));
        Files.writeString(directory.resolve("report.html"), HtmlReport.render(summary));
    }

    private static ScenarioResult report(Console console, ScenarioResult result) {
        console.line(result.name(), String.format(java.util.Locale.ROOT,
                "%s connections: %.1f ok/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, conflicts %d, errors %d %s",
                result.settings().get("connections"), result.ok().perSecond(), result.ok().p50Ms(),
                result.ok().p95Ms(), result.ok().p99Ms(), result.conflicts(), result.errors(), result.errorsByKind()));
        if (result.cpu() != null) {
            console.line(result.name(), "cpu " + result.cpu().describe(result.name().startsWith("booking") ? "booking"
                    : "request", 8));
        }
        return result;
    }

    /** The checkout this jar was built in (tooling/benchmark/target/x.jar), else the working directory. */
    static Path projectRoot() {
        String home = System.getenv("CARESLOT_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent() == null ? null : jar.getParent().getParent();
            candidate = candidate == null ? null : candidate.getParent();
            candidate = candidate == null ? null : candidate.getParent();
            if (candidate != null && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        } catch (Exception ignored) {
            // fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
