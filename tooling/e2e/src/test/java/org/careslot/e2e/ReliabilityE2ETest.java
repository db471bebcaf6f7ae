package org.careslot.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults injected into the whole running platform while a stream of bookings goes through the gateway, each followed
 * by checks of every effect: each accepted booking has exactly its three messages in notification-service (the
 * patient's REMINDER, BOOKED to patient and to doctor — a lost event leaves one missing, a duplicated effect adds one)
 * and reporting-service's monthly reports count every booking once. The clients behave as a frontend should: a booking
 * that gets no answer or a 5xx is sent again with the same {@code Idempotency-Key} until it is answered 201.
 *
 * <ol>
 *   <li>the Kafka broker is frozen ({@code SIGSTOP}) for 30 s in the middle of the stream, then resumed;</li>
 *   <li>booking-service and notification-service are killed with {@code kill -9} mid-stream; the launcher starts
 *       them again as a process supervisor would;</li>
 *   <li>PostgreSQL is restarted ({@code pg_ctl restart -m fast}) mid-stream; no service is restarted.</li>
 * </ol>
 *
 * <p>Each scenario prints one {@code RELIABILITY ...} line (docs/reliability.md collects them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityE2ETest {

    private static final String PASSWORD = "Str0ng!Pass";
    private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    private static final int CLIENTS = 2;
    /** Between two bookings of one client: about 10 bookings/s in all, a steady stream rather than a benchmark. */
    private static final Duration PAUSE = Duration.ofMillis(150);
    /**
     * How long a client keeps retrying one booking before it counts it as refused: longer than a service restart
     * takes on a loaded 2-core machine.
     */
    private static final Duration GIVE_UP = Duration.ofMinutes(6);
    /** Every effect of every event, after the fault is over. */
    private static final Duration EFFECTS = Duration.ofMinutes(3);
    private static final Set<String> EXPECTED_MESSAGES = Set.of("REMINDER/PATIENT", "BOOKED/PATIENT", "BOOKED/DOCTOR");

    private static RunningStack stack;
    private static Gateway gateway;
    private static String doctorId;
    private static String doctorEmail;
    private static final List<String> patientEmails = new ArrayList<>();
    /** Free start times of the doctor, handed out once each. */
    private static final ConcurrentLinkedQueue<Map.Entry<LocalDate, LocalTime>> freeTimes =
            new ConcurrentLinkedQueue<>();
    /** Every booking accepted so far, by all scenarios: appointment id → the patient's email. */
    private static final Map<String, String> accepted = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Set<YearMonth> months = new java.util.concurrent.ConcurrentSkipListSet<>();

    @BeforeAll
    static void aDoctorBookableEveryFiveMinutesAllWeekAndTwoPatients() {
        stack = RunningStack.get();
        gateway = new Gateway(stack);
        Map<String, Object> location = gateway.firstLocation();
        String marker = "Rel" + Long.toString(System.nanoTime(), 36);
        String[] registeredDoctor = register("DOCTOR", "Nusrat Jahan " + marker, "doctor", location);
        doctorId = registeredDoctor[0];
        doctorEmail = registeredDoctor[1];
        for (int i = 0; i < CLIENTS; i++) {
            patientEmails.add(register("PATIENT", "Patient " + i + " " + marker, "patient", location)[1]);
        }
        String doctor = login(doctorEmail);
        Gateway.Response profile = gateway.request("PUT", "/api/v1/doctors/me/profile/", Map.of(
                "specialization", "MEDICINE", "license_number", "BMDC-" + marker, "experience_years", 9,
                "consultation_fee", "600", "qualification", "MBBS", "time_zone", DHAKA.getId()), doctor, Map.of());
        assertThat(profile.status()).as(profile.body()).isIn(200, 201);
        for (DayOfWeek day : DayOfWeek.values()) {
            Gateway.Response slot = gateway.request("POST", "/api/v1/doctors/me/time-slots/", Map.of(
                    "weekday", day.name(), "start_time", "08:00", "end_time", "20:00", "slot_minutes", 5),
                    doctor, Map.of());
            assertThat(slot.status()).as(slot.body()).isEqualTo(201);
        }
        // more than 24 h ahead: every reminder is SCHEDULED, none due while the test runs
        LocalDate first = LocalDate.now(DHAKA).plusDays(2);
        for (LocalDate date = first; date.isBefore(first.plusDays(35)); date = date.plusDays(1)) {
            for (LocalTime time = LocalTime.of(8, 0); time.isBefore(LocalTime.of(20, 0)); time = time.plusMinutes(5)) {
                freeTimes.add(Map.entry(date, time));
            }
        }
        String availability = "/api/v1/doctors/" + doctorId + "/availability/?date=" + first;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Gateway.Response answer = gateway.get(availability);
                    return answer.status() == 200 && !answer.json().get("slots").isEmpty();
                });
    }

    @Test
    @Order(1)
    void kafkaStoppedForThirtySecondsMidStream() {
        long kafka = stack.pid("kafka");
        Result result = underLoad(Duration.ofSeconds(10), () -> {
            signal("STOP", kafka);
            try {
                sleep(Duration.ofSeconds(30));
            } finally {
                signal("CONT", kafka);
            }
            return 1;
        }, Duration.ofSeconds(10));
        result.report("kafka stopped 30 s mid-stream");
    }

    @Test
    @Order(2)
    void bookingAndNotificationServiceKilledMidStreamAndRestarted() {
        Map<String, Long> before = stack.pids();
        Result result = underLoad(Duration.ofSeconds(10), () -> {
            signal("KILL", before.get("booking-service"));
            signal("KILL", before.get("notification-service"));
            // the launcher starts them again (a supervisor's job); wait until both answer ready
            await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    !before.get("booking-service").equals(stack.pids().get("booking-service"))
                            && !before.get("notification-service").equals(stack.pids().get("notification-service"))
                            && stack.isReady("BOOKING_PORT") && stack.isReady("NOTIFICATION_PORT"));
            return 2;
        }, Duration.ofSeconds(10));
        assertThat(stack.launcherAlive()).as("the stack still runs").isTrue();
        result.report("kill -9 booking-service + notification-service mid-stream, restarted");
    }

    @Test
    @Order(3)
    void postgresRestartedMidStreamServicesRecoverOnTheirOwn() {
        Map<String, Long> before = stack.pids();
        Result result = underLoad(Duration.ofSeconds(10), () -> {
            restartPostgres(before.get("postgres"));
            return 1;
        }, Duration.ofSeconds(20));
        Map<String, Long> after = stack.pids();
        assertThat(after.get("postgres")).as("a new postmaster").isNotEqualTo(before.get("postgres"));
        before.keySet().stream().filter(name -> name.endsWith("-service") || name.equals("gateway"))
                .forEach(service -> assertThat(after.get(service)).as(service + " was not restarted")
                        .isEqualTo(before.get(service)));
        result.report("postgresql restarted mid-stream, services not restarted");
    }

    /**
     * An operator's {@code pg_ctl restart -m fast}, with the pg_ctl beside the running server's own binary (the one of
     * the same version). pg_ctl and postgres refuse to run as root; as root (a build machine or container) they run in
     * a user namespace of their own ({@code unshare -U}), where the user is unprivileged, as the launcher's embedded
     * PostgreSQL starts and stops them too.
     */
    private static void restartPostgres(long postmaster) {
        Path dataDir = stack.dataDir().resolve("postgres");
        Path pgCtl;
        try {
            pgCtl = Path.of("/proc", Long.toString(postmaster), "exe").toRealPath().resolveSibling("pg_ctl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // -l: the new server writes to its log file, not to this process's pipe; -w: returns once it accepts connections
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", dataDir.toString(), "-l",
                stack.dataDir().resolve("logs/postgres-restart.log").toString(), "-m", "fast", "-w", "-t", "60",
                "restart"));
        run(command.toArray(String[]::new));
    }

    /** What one scenario measured. */
    record Result(int attempted, int accepted, int faults, int lost, int duplicates, Duration took,
                  int retried) {

        void report(String scenario) {
            String line = "RELIABILITY " + scenario + ": load held " + accepted + "/" + attempted
                    + ", faults injected " + faults + ", events lost " + lost + ", duplicates " + duplicates
                    + " (" + retried + " bookings needed a retry; " + took.toSeconds() + " s)";
            System.out.println(line);
            assertThat(accepted).as(line).isEqualTo(attempted);
            assertThat(lost).as(line).isZero();
            assertThat(duplicates).as(line).isZero();
            assertThat(attempted).as("a stream, not a trickle").isGreaterThan(50);
        }
    }

    interface Fault {
        int inject();
    }

    /**
     * Runs the stream of bookings: {@code lead} of normal load, the fault (which blocks while it lasts), {@code tail}
     * of load after it; then waits for every effect of the bookings this scenario made and counts.
     */
    private static Result underLoad(Duration lead, Fault fault, Duration tail) {
        Instant begin = Instant.now();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger attempted = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        Map<String, String> mine = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        for (String email : patientEmails) {
            clients.add(Thread.ofPlatform().name("booking-client").start(() ->
                    bookUntilStopped(email, stop, attempted, retried, mine)));
        }
        sleep(lead);
        int faults = fault.inject();
        sleep(tail);
        stop.set(true);
        clients.forEach(ReliabilityE2ETest::join);
        accepted.putAll(mine);

        Map<String, Integer> lost = new HashMap<>();
        Map<String, Integer> duplicated = new HashMap<>();
        String doctor = login(doctorEmail);
        Map<String, String> tokens = new HashMap<>();
        try {
            await().atMost(EFFECTS).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
                lost.clear();
                duplicated.clear();
                countMessages(mine, tokens, lost, duplicated);
                int reported = reportedTotal(doctor);
                if (reported < accepted.size()) {
                    lost.put("report", accepted.size() - reported);
                } else if (reported > accepted.size()) {
                    duplicated.put("report", reported - accepted.size());
                }
                return lost.isEmpty() && duplicated.isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("e2e: still missing after " + EFFECTS + ": " + lost + ", duplicated: " + duplicated);
        }
        return new Result(attempted.get(), mine.size(), faults, sum(lost), sum(duplicated),
                Duration.between(begin, Instant.now()), retried.get());
    }

    /** One client: books the next free time, retrying with the same Idempotency-Key until it is answered. */
    private static void bookUntilStopped(String email, AtomicBoolean stop, AtomicInteger attempted,
                                         AtomicInteger retried, Map<String, String> mine) {
        String token = login(email);
        Instant loggedIn = Instant.now();
        while (!stop.get()) {
            Map.Entry<LocalDate, LocalTime> time = freeTimes.poll();
            if (time == null) {
                throw new IllegalStateException("no free time left for the stream");
            }
            attempted.incrementAndGet();
            String key = UUID.randomUUID().toString();
            Map<String, Object> body = Map.of("doctor_id", doctorId, "date", time.getKey().toString(),
                    "start_time", time.getValue().toString());
            Instant first = Instant.now();
            boolean retry = false;
            while (Duration.between(first, Instant.now()).compareTo(GIVE_UP) < 0) {
                if (Duration.between(loggedIn, Instant.now()).compareTo(Duration.ofMinutes(3)) > 0) {
                    try {
                        token = login(email);
                        loggedIn = Instant.now();
                    } catch (RuntimeException | AssertionError e) {
                        sleep(Duration.ofMillis(500));
                        continue;
                    }
                }
                Gateway.Response answer;
                try {
                    answer = gateway.request("POST", "/api/v1/appointments/", body, token,
                            Map.of("Idempotency-Key", key));
                } catch (RuntimeException e) {
                    answer = null;
                }
                if (answer != null && answer.status() == 201) {
                    mine.put(answer.json().get("id").asString(), email);
                    months.add(YearMonth.from(time.getKey()));
                    break;
                }
                if (answer != null && answer.status() < 500 && answer.status() != 429 && answer.status() != 408) {
                    System.out.println("e2e: booking refused for good: " + answer.status() + " " + answer.body());
                    break;
                }
                retry = true;
                sleep(Duration.ofMillis(250));
            }
            if (retry) {
                retried.incrementAndGet();
            }
            sleep(PAUSE);
        }
    }

    /** Per appointment: which of the three expected messages are missing, which are there more than once. */
    private static void countMessages(Map<String, String> appointments, Map<String, String> tokens,
                                      Map<String, Integer> lost, Map<String, Integer> duplicated) {
        for (Map.Entry<String, String> appointment : appointments.entrySet()) {
            String token = tokens.computeIfAbsent(appointment.getValue(), ReliabilityE2ETest::login);
            Gateway.Response answer = gateway.get("/api/v1/reminders/?appointment_id=" + appointment.getKey()
                    + "&page_size=100", token);
            if (answer.status() == 401) {
                tokens.remove(appointment.getValue());
                lost.merge("unknown", 1, Integer::sum);
                continue;
            }
            if (answer.status() != 200) {
                lost.merge("appointment unknown to notification-service", 3, Integer::sum);
                continue;
            }
            Map<String, Integer> seen = new HashMap<>();
            for (JsonNode message : answer.json().get("results")) {
                seen.merge(message.get("kind").asString() + "/" + message.get("recipient_role").asString(), 1,
                        Integer::sum);
            }
            for (String expected : EXPECTED_MESSAGES) {
                int count = seen.getOrDefault(expected, 0);
                if (count == 0) {
                    lost.merge(expected, 1, Integer::sum);
                } else if (count > 1) {
                    duplicated.merge(expected, count - 1, Integer::sum);
                }
            }
            seen.keySet().stream().filter(kind -> !EXPECTED_MESSAGES.contains(kind))
                    .forEach(kind -> duplicated.merge(kind, seen.get(kind), Integer::sum));
        }
    }

    /** The doctor's appointments as reporting-service counts them, over every month the stream booked in. */
    private static int reportedTotal(String doctorToken) {
        int total = 0;
        for (YearMonth month : new TreeSet<>(months)) {
            Gateway.Response report = gateway.get("/api/v1/reports/monthly/" + doctorId + "/" + month + "/",
                    doctorToken);
            if (report.status() == 200) {
                total += report.json().get("total_appointments").asInt();
            }
        }
        return total;
    }

    private static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void signal(String signal, long pid) {
        run("kill", "-" + signal, Long.toString(pid));
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers a user; on a 5xx (a loaded machine: Keycloak slow) tries again under a new address, as the user would
     * with another try — the first address may or may not exist. Answers {id, email}.
     */
    private static String[] register(String role, String fullName, String emailPrefix, Map<String, Object> location) {
        Gateway.Response registered = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            String email = emailPrefix + "-" + UUID.randomUUID() + "@example.org";
            Map<String, Object> body = new HashMap<>(location);
            body.putAll(Map.of("role", role, "full_name", fullName, "email", email, "phone", Gateway.uniquePhone(),
                    "password", PASSWORD));
            registered = gateway.postJson("/api/v1/user/register/", body, null);
            if (registered.status() == 201) {
                return new String[] {registered.json().get("id").asString(), email};
            }
            if (registered.status() < 500) {
                break;
            }
            sleep(Duration.ofSeconds(2));
        }
        throw new AssertionError("registration failed: " + registered.status() + " " + registered.body());
    }

    /** Logs in through the gateway, trying again on a 5xx or no answer (Keycloak slow on a loaded machine). */
    private static String login(String email) {
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.login(email, PASSWORD);
            } catch (RuntimeException | AssertionError e) {
                if (attempt == 5) {
                    throw e;
                }
                sleep(Duration.ofSeconds(2));
            }
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
