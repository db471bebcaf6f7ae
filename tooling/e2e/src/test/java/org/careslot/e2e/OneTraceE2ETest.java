package org.careslot.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One user action, one trace: the {@code X-Trace-Id} a client gets from the gateway finds, in the stack's Zipkin,
 * the spans of the gateway, the service that handled the request and every service that consumed the events the
 * request published (request → outbox row → relay → Kafka → consumer). Real spans, exported by the running
 * applications to the real Zipkin the local stack starts; the trace is also checked to be connected (every span's
 * parent is a span of the same trace, one root), so the consumers continue it rather than start their own.
 *
 * <ul>
 *   <li>a doctor's registration: gateway → identity-service → identity.user.v1 → doctor-, booking- and
 *       notification-service;</li>
 *   <li>the doctor's profile: gateway → doctor-service → doctor.profile.v1 → booking- and reporting-service;</li>
 *   <li>a booking: gateway → booking-service → booking.appointment.v1 → notification- and reporting-service.</li>
 * </ul>
 */
class OneTraceE2ETest {

    private static final String PASSWORD = "Str0ng!Pass";
    /** Spans leave each application in batches (every 5 s), consumers follow the relay: generous, polled. */
    private static final Duration COLLECTED = Duration.ofSeconds(90);

    private static Gateway gateway;
    private static RunningStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void stack() {
        stack = RunningStack.get();
        gateway = new Gateway(stack);
    }

    @Test
    void theTraceIdAClientGetsFindsOneTraceAcrossTheGatewayTheServiceAndEveryConsumerInZipkin() {
        Map<String, Object> location = gateway.firstLocation();
        String marker = "Tr" + Long.toString(System.nanoTime(), 36);

        // a doctor registers: identity-service publishes user.registered, three services consume it
        String doctorEmail = "doctor-" + UUID.randomUUID() + "@example.org";
        Gateway.Response registered = register("DOCTOR", "Rafiq Islam " + marker, doctorEmail, location);
        String doctorId = registered.json().get("id").asString();
        doctorEmail = registered.json().get("email").asString();
        awaitOneTrace(traceIdOf(registered), Set.of("gateway", "identity-service", "doctor-service",
                "booking-service", "notification-service"));

        // the doctor publishes a profile and a slot: doctor.profile.v1 reaches booking- and reporting-service
        String doctor = login(doctorEmail);
        Gateway.Response profile = gateway.request("PUT", "/api/v1/doctors/me/profile/", Map.of(
                "specialization", "NEUROLOGY", "license_number", "BMDC-" + marker, "experience_years", 11,
                "consultation_fee", "900", "qualification", "MBBS, MD (Neurology)", "time_zone", "Asia/Dhaka"),
                doctor, Map.of());
        assertThat(profile.status()).as(profile.body()).isIn(200, 201);
        awaitOneTrace(traceIdOf(profile), Set.of("gateway", "doctor-service", "booking-service", "reporting-service"));
        LocalDate date = LocalDate.now(ZoneId.of("Asia/Dhaka")).plusDays(5);
        Gateway.Response slot = gateway.request("POST", "/api/v1/doctors/me/time-slots/", Map.of(
                "weekday", date.getDayOfWeek().name(), "start_time", "14:00", "end_time", "15:00",
                "slot_minutes", 30), doctor, Map.of());
        assertThat(slot.status()).as(slot.body()).isEqualTo(201);

        // a patient books: booking.appointment.v1 reaches notification- and reporting-service
        String patientEmail = "patient-" + UUID.randomUUID() + "@example.org";
        String patient = login(register("PATIENT", "Sadia Rahman", patientEmail, location).json().get("email")
                .asString());
        String availability = "/api/v1/doctors/" + doctorId + "/availability/?date=" + date;
        await().atMost(COLLECTED).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get(availability).body().contains("\"14:30\""));
        Gateway.Response booked = gateway.request("POST", "/api/v1/appointments/", Map.of("doctor_id", doctorId,
                "date", date.toString(), "start_time", "14:30"), patient, Map.of());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String traceId = traceIdOf(booked);
        List<JsonNode> spans = awaitOneTrace(traceId, Set.of("gateway", "booking-service", "notification-service",
                "reporting-service"));

        // the booking request's own spans: the gateway's server span is the root, booking-service handled the POST
        assertThat(spans).anySatisfy(span -> {
            assertThat(serviceOf(span)).isEqualTo("booking-service");
            assertThat(span.path("kind").asString("")).isEqualTo("SERVER");
            assertThat(span.path("tags").path("http.url").asString("")
                    + span.path("tags").path("uri").asString("")).contains("/api/v1/appointments");
        });
        // and the UI page an operator opens for the id the user quoted
        assertThat(status(stack.zipkinUrl() + "/zipkin/traces/" + traceId)).isEqualTo(200);
    }

    private static String traceIdOf(Gateway.Response response) {
        String traceId = response.headers().first("X-Trace-Id");
        assertThat(traceId).as("X-Trace-Id").matches("[0-9a-f]{32}");
        return traceId;
    }

    /**
     * Polls Zipkin until the trace holds a span of every expected service and is connected: every parent id is a
     * span of the trace, exactly one span has none. Returns its spans.
     */
    private List<JsonNode> awaitOneTrace(String traceId, Set<String> expectedServices) {
        AtomicReference<List<JsonNode>> last = new AtomicReference<>(List.of());
        try {
            await().atMost(COLLECTED).pollInterval(Duration.ofSeconds(1)).until(() -> {
                List<JsonNode> spans = trace(traceId);
                last.set(spans);
                return services(spans).containsAll(expectedServices) && disconnected(spans).isEmpty()
                        && roots(spans) == 1;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("trace " + traceId + " in Zipkin: expected one connected trace with "
                    + new TreeSet<>(expectedServices) + "; has services " + services(last.get()) + ", "
                    + roots(last.get()) + " root span(s), spans whose parent is missing: " + disconnected(last.get())
                    + "\n" + describe(last.get()), e);
        }
        List<JsonNode> spans = last.get();
        assertThat(spans).allSatisfy(span -> assertThat(span.get("traceId").asString()).isEqualTo(traceId));
        assertThat(spans).filteredOn(span -> span.path("parentId").isMissingNode())
                .singleElement().satisfies(root -> assertThat(serviceOf(root)).isEqualTo("gateway"));
        return spans;
    }

    private List<JsonNode> trace(String traceId) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(stack.zipkinUrl() + "/api/v2/trace/" + traceId))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return List.of(); // 404 until the first span of the trace arrived
            }
            List<JsonNode> spans = new ArrayList<>();
            Gateway.JSON.readTree(response.body()).forEach(spans::add);
            return spans;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> services(List<JsonNode> spans) {
        Set<String> services = new TreeSet<>();
        spans.forEach(span -> services.add(serviceOf(span)));
        return services;
    }

    private static String serviceOf(JsonNode span) {
        return span.path("localEndpoint").path("serviceName").asString("?");
    }

    private static long roots(List<JsonNode> spans) {
        return spans.stream().filter(span -> span.path("parentId").isMissingNode()).count();
    }

    /** Spans whose parent is not in the trace (yet): the chain is broken there, or the parent was not exported. */
    private static List<String> disconnected(List<JsonNode> spans) {
        Set<String> ids = new HashSet<>();
        spans.forEach(span -> ids.add(span.get("id").asString()));
        return spans.stream().filter(span -> !span.path("parentId").isMissingNode()
                        && !ids.contains(span.get("parentId").asString()))
                .map(span -> serviceOf(span) + ":" + span.path("name").asString("")).toList();
    }

    private static String describe(List<JsonNode> spans) {
        StringBuilder text = new StringBuilder();
        spans.forEach(span -> text.append("  ").append(serviceOf(span)).append(' ')
                .append(span.path("kind").asString("")).append(' ').append(span.path("name").asString(""))
                .append(" id=").append(span.path("id").asString())
                .append(" parent=").append(span.path("parentId").asString("-")).append('\n'));
        return text.toString();
    }

    private Gateway.Response register(String role, String fullName, String email, Map<String, Object> location) {
        Map<String, Object> body = new HashMap<>(location);
        body.putAll(Map.of("role", role, "full_name", fullName, "email", email, "phone", Gateway.uniquePhone(),
                "password", PASSWORD));
        Gateway.Response registered = gateway.postJson("/api/v1/user/register/", body, null);
        // a cold stack on a loaded machine may time out the very first registrations (Keycloak's admin API warming
        // up): a bounded retry with a new address, as a user would try again; what is traced is the one that worked
        for (int attempt = 1; attempt < 4 && registered.status() == 504; attempt++) {
            body.put("email", attempt + "-" + email);
            body.put("phone", Gateway.uniquePhone());
            registered = gateway.postJson("/api/v1/user/register/", body, null);
        }
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered;
    }

    private String login(String email) {
        return gateway.login(email, PASSWORD);
    }

}
