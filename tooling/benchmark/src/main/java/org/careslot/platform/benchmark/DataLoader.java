package org.careslot.platform.benchmark;

import tools.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates the data through the gateway as users would enter it: doctors (DOCTOR accounts, a profile, one slot window
 * per weekday) and patients (PATIENT accounts), each with a token. Registration goes through identity-service, which
 * creates the Keycloak user, so it is the slow part: it runs in parallel with a moderate number of threads.
 */
final class DataLoader {

    static final ZoneId ZONE = ZoneId.of("Asia/Dhaka");
    static final String PASSWORD = "Bench.12345";
    /** Every doctor's weekly window: 08:00-20:00 each day of the week, 15-minute appointments (48 a day). */
    static final String DAY_START = "08:00";
    static final String DAY_END = "20:00";
    static final int SLOT_MINUTES = 15;
    static final int SLOTS_PER_DAY = 48;
    private static final List<String> SPECIALIZATIONS = List.of("ANESTHESIOLOGY", "CARDIOLOGY", "DENTISTRY",
            "DERMATOLOGY", "ENDOCRINOLOGY", "ENT", "GASTROENTEROLOGY", "GENERAL_PRACTICE", "GENERAL_SURGERY",
            "GYNECOLOGY_OBSTETRICS", "HEMATOLOGY", "MEDICINE", "NEPHROLOGY", "NEUROLOGY", "NEUROSURGERY", "ONCOLOGY",
            "OPHTHALMOLOGY", "ORTHOPEDICS", "PEDIATRICS", "PHYSICAL_MEDICINE", "PSYCHIATRY", "PULMONOLOGY",
            "RADIOLOGY", "RHEUMATOLOGY", "UROLOGY");

    private final Http http;
    private final Keycloak keycloak;
    private final String gateway;
    private final int parallelism;
    private final Console console;
    /** Distinguishes this run's accounts (e-mail, phone, licence) from those of an earlier run on the same stack. */
    private final String runTag;
    private final List<int[]> places = new ArrayList<>();

    DataLoader(Http http, Keycloak keycloak, String gatewayUrl, int parallelism, Console console, String runTag) {
        this.http = http;
        this.keycloak = keycloak;
        this.gateway = gatewayUrl;
        this.parallelism = parallelism;
        this.console = console;
        this.runTag = runTag;
    }

    /** @param probe a day inside the booking window, free of earlier runs' appointments, to await the schedules on */
    Accounts load(int doctorCount, int patientCount, LocalDate probe) throws Exception {
        loadPlaces();
        List<Accounts.Account> doctors = new ArrayList<>();
        for (int i = 0; i < doctorCount; i++) {
            doctors.add(new Accounts.Account("bench-" + runTag + "-doctor-" + i + "@bench.example.com"));
        }
        List<Accounts.Account> patients = new ArrayList<>();
        for (int i = 0; i < patientCount; i++) {
            patients.add(new Accounts.Account("bench-" + runTag + "-patient-" + i + "@bench.example.com"));
        }
        parallel("doctors", doctorCount, i -> {
            Accounts.Account doctor = doctors.get(i);
            register(doctor, "DOCTOR", i);
            keycloak.logIn(doctor, PASSWORD);
            doctor.id = subject(doctor.access);
            createProfileAndSlots(doctor, i);
        });
        parallel("patients", patientCount, i -> {
            Accounts.Account patient = patients.get(i);
            register(patient, "PATIENT", i);
            keycloak.logIn(patient, PASSWORD);
            patient.id = subject(patient.access);
        });
        parallel("schedules", doctorCount, i -> awaitSchedule(doctors.get(i), probe));
        return new Accounts(doctors, patients, PASSWORD);
    }

    /** Renews every token of {@code accounts} (before a scenario, so none expires during it). */
    void renewTokens(List<Accounts.Account> accounts) throws Exception {
        parallel("tokens", accounts.size(), i -> keycloak.renew(accounts.get(i), PASSWORD));
    }

    /** Bookings start the day after tomorrow: reminders (24 h ahead) are then scheduled, not due at once. */
    static LocalDate firstBookableDay() {
        return LocalDate.now(ZONE).plusDays(2);
    }

    private void loadPlaces() throws Exception {
        for (JsonNode division : http.get(gateway + "/api/v1/locations/divisions/", null)
                .expect("the divisions", 200).json()) {
            int divisionId = division.get("id").asInt();
            JsonNode district = http.get(gateway + "/api/v1/locations/divisions/" + divisionId + "/districts/", null)
                    .expect("the districts", 200).json().get(0);
            int districtId = district.get("id").asInt();
            JsonNode thana = http.get(gateway + "/api/v1/locations/districts/" + districtId + "/thanas/", null)
                    .expect("the thanas", 200).json().get(0);
            places.add(new int[] {divisionId, districtId, thana.get("id").asInt()});
        }
    }

    private void register(Accounts.Account account, String role, int index) throws Exception {
        int[] place = places.get(index % places.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("full_name", (role.equals("DOCTOR") ? "Dr. Bench " : "Patient Bench ") + index);
        body.put("email", account.email);
        body.put("phone", phone(role, index));
        body.put("password", PASSWORD);
        body.put("division_id", place[0]);
        body.put("district_id", place[1]);
        body.put("thana_id", place[2]);
        // 409: an earlier attempt went through although its answer was lost (a busy platform); the id then comes
        // from the token's subject
        Http.Answer answer = retrying("registering " + account.email,
                () -> http.postJson(gateway + "/api/v1/user/register/", body, null))
                .expect("registering " + account.email, 201, 409);
        if (answer.status() == 201) {
            account.id = answer.json().get("id").asString();
        }
    }

    /** The user id (subject) of an access token. */
    static String subject(String jwt) {
        String payload = jwt.split("\\.")[1];
        return Http.JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload)).get("sub").asString();
    }

    /** +88 and 11 digits: 01, the run tag's 3 digits, 5 (doctor) or 6 (patient), the index in 5 digits. */
    String phone(String role, int index) {
        return "+8801" + runTag.substring(runTag.length() - 3) + (role.equals("DOCTOR") ? "5" : "6")
                + String.format("%05d", index);
    }

    private void createProfileAndSlots(Accounts.Account doctor, int index) throws Exception {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("specialization", SPECIALIZATIONS.get(index % SPECIALIZATIONS.size()));
        profile.put("license_number", "BENCH-" + runTag + "-" + index);
        profile.put("experience_years", index % 40);
        profile.put("consultation_fee", (500 + (index % 11) * 100) + ".00");
        profile.put("qualification", "MBBS");
        profile.put("time_zone", ZONE.getId());
        retrying("the profile of " + doctor.email,
                () -> http.putJson(gateway + "/api/v1/doctors/me/profile/", profile, doctor.access))
                .expect("the profile of " + doctor.email, 201, 200);
        for (DayOfWeek day : DayOfWeek.values()) {
            Map<String, Object> slot = Map.of("weekday", day.name(), "start_time", DAY_START, "end_time", DAY_END,
                    "slot_minutes", SLOT_MINUTES);
            retrying("a time slot of " + doctor.email,
                    () -> http.postJson(gateway + "/api/v1/doctors/me/time-slots/", slot, doctor.access))
                    .expect("a time slot of " + doctor.email, 201, 409);
        }
    }

    /** booking-service learns schedules from doctor.profile.v1: wait until it offers the doctor's whole day. */
    private void awaitSchedule(Accounts.Account doctor, LocalDate date) throws Exception {
        String url = gateway + "/api/v1/doctors/" + doctor.id + "/availability/?date=" + date;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Http.Answer answer = http.get(url, null);
            if (answer.status() == 200 && answer.json().path("slots").size() >= SLOTS_PER_DAY) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("booking-service does not offer the schedule of " + doctor.email + " ("
                + url + ") after 2 minutes");
    }

    @FunctionalInterface
    interface Step {
        void run(int index) throws Exception;
    }

    @FunctionalInterface
    interface Call {
        Http.Answer send() throws Exception;
    }

    /**
     * A platform still warming up answers 502/503/504 now and then, and the gateway's circuit breaker stays open for
     * 10 s after a burst of time-outs: asked again with growing pauses, for up to about a minute.
     */
    private static Http.Answer retrying(String what, Call call) throws Exception {
        Http.Answer answer = null;
        for (int attempt = 1; attempt <= 15; attempt++) {
            try {
                answer = call.send();
                if (answer.status() < 500) {
                    return answer;
                }
            } catch (java.io.IOException e) {
                if (attempt == 15) {
                    throw e;
                }
            }
            Thread.sleep(Math.min(1000L * attempt, 5000L));
        }
        return answer;
    }

    private void parallel(String step, int count, Step work) throws Exception {
        if (count == 0) {
            return;
        }
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        int every = Math.max(1, count / 10);
        try (ExecutorService pool = Executors.newFixedThreadPool(parallelism)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    work.run(index);
                    int finished = done.incrementAndGet();
                    if (finished % every == 0 || finished == count) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        console.line(step, finished + "/" + count + String.format(" (%.0f s, %.1f/s)", seconds,
                                finished / seconds));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
    }
}
