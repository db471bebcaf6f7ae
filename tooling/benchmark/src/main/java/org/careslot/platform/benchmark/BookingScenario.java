package org.careslot.platform.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Patients booking through the gateway ({@code POST /api/v1/appointments/}), closed loop. Every booking takes the next
 * (doctor, day, start) of one shuffled sequence over all doctors' free starts in the next {@code days} days, and the
 * next patient in turn, so two requests never aim at one start of one doctor and a patient's own overlaps stay rare:
 * 409s (counted apart) are then the exception they are in real use.
 */
final class BookingScenario {

    /** A successful booking: the appointment's id and when its 201 arrived (the commit happened before). */
    record Booked(String id, Instant answeredAt) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final Accounts accounts;
    private final LocalDate firstDay;
    private final int days;
    private final int[] order;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger nextPatient = new AtomicInteger();
    private final Supplier<Map<String, Double>> cpu;

    /** {@code cpu}: snapshots of the stack's CPU (see {@link ClosedLoop}), null for none. */
    BookingScenario(String gatewayUrl, Accounts accounts, LocalDate firstDay, int days, long seed,
                    Supplier<Map<String, Double>> cpu) {
        this.cpu = cpu;
        this.url = gatewayUrl + "/api/v1/appointments/";
        this.accounts = accounts;
        this.firstDay = firstDay;
        this.days = days;
        int starts = accounts.doctors().size() * days * DataLoader.SLOTS_PER_DAY;
        this.order = new int[starts];
        for (int i = 0; i < starts; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = starts - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    int capacity() {
        return order.length;
    }

    int used() {
        return next.get();
    }

    ScenarioResult run(String name, int connections, Duration warmUp, Duration measured, Queue<Booked> booked) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("connections", connections);
        settings.put("warm_up_seconds", warmUp.toSeconds());
        settings.put("doctors", accounts.doctors().size());
        settings.put("patients", accounts.patients().size());
        settings.put("days_ahead", days);
        return ClosedLoop.run(name, connections, warmUp, measured, settings, cpu,
                (worker, recorder) -> book(recorder, booked));
    }

    /** Sequential bookings, one every {@code interval}: the event lag of a platform that is not saturated. */
    Queue<Booked> paced(int count, Duration interval) throws InterruptedException {
        Queue<Booked> booked = new ConcurrentLinkedQueue<>();
        ScenarioRecorder ignored = new ScenarioRecorder();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            try {
                book(ignored, booked);
            } catch (Exception e) {
                // counted nowhere: only the lag of the bookings that succeeded is measured here
            }
            Thread.sleep(Math.max(0, interval.toMillis() - (System.nanoTime() - start) / 1_000_000));
        }
        return booked;
    }

    private void book(ScenarioRecorder recorder, Queue<Booked> booked) throws Exception {
        int slot = order[Math.floorMod(next.getAndIncrement(), order.length)];
        int perDoctor = days * DataLoader.SLOTS_PER_DAY;
        Accounts.Account doctor = accounts.doctors().get(slot / perDoctor);
        int dayIndex = (slot % perDoctor) / DataLoader.SLOTS_PER_DAY;
        int startIndex = slot % DataLoader.SLOTS_PER_DAY;
        LocalTime start = LocalTime.parse(DataLoader.DAY_START).plusMinutes((long) startIndex * DataLoader.SLOT_MINUTES);
        List<Accounts.Account> patients = accounts.patients();
        Accounts.Account patient = patients.get(Math.floorMod(nextPatient.getAndIncrement(), patients.size()));
        String body = "{\"doctor_id\":\"" + doctor.id + "\",\"date\":\"" + firstDay.plusDays(dayIndex)
                + "\",\"start_time\":\"" + start + "\"}";
        HttpRequest request = Http.builder(url, patient.access).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long t0 = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - t0) / 1000;
        switch (response.statusCode()) {
            case 201 -> {
                recorder.success(micros);
                booked.add(new Booked(idOf(response.body()), Instant.now()));
            }
            case 409 -> recorder.conflict();
            default -> recorder.error("HTTP " + response.statusCode());
        }
    }

    /** The appointment's id from the 201 body, without parsing all of it. */
    static String idOf(String body) {
        int key = body.indexOf("\"id\"");
        int open = body.indexOf('"', body.indexOf(':', key) + 1);
        return body.substring(open + 1, body.indexOf('"', open + 1));
    }
}
