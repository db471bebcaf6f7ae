package org.careslot.platform.localstack.seed;

import com.fasterxml.jackson.databind.JsonNode;
import org.careslot.platform.localstack.seed.DemoData.Appointment;
import org.careslot.platform.localstack.seed.DemoData.CancelledBy;
import org.careslot.platform.localstack.seed.DemoData.Doctor;
import org.careslot.platform.localstack.seed.DemoData.Patient;
import org.careslot.platform.localstack.seed.DemoData.Place;
import org.careslot.platform.localstack.seed.DemoData.When;
import org.careslot.platform.localstack.seed.DemoData.Window;
import org.careslot.platform.localstack.seed.PlatformClient.Answer;
import org.careslot.platform.localstack.seed.PlatformClient.Login;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Loads {@link DemoData} into a running platform through its public API, as users would enter it, so that every event
 * flows: identity → doctor → booking → notification and reporting. Idempotent: what exists already (an account, a
 * profile, a weekly slot, an appointment of the same doctor and patient, a status reached) is left as it is, so a
 * second run creates nothing and a run cut short is completed by the next one.
 *
 * <p>Past appointments are booked through booking-service's demo seed path ({@code POST /internal/demo/appointments}
 * on its own port, enabled by BOOKING_DEMO_BACKDATING_ENABLED, which the local stack sets), which the gateway does not
 * route; their confirmation, completion, no-show or cancellation then goes through the public API like any other.
 */
public final class DemoSeeder {

    /** The dev-default password of every demo account (CARESLOT_DEMO_PASSWORD overrides it). */
    public static final String DEFAULT_PASSWORD = "Demo.12345";
    /** The realm's seeded administrator (platform/keycloak/appointments-realm.json). */
    public static final String ADMIN_EMAIL = "admin@example.com";

    static final ZoneId ZONE = ZoneId.of("Asia/Dhaka");
    static final String BACKDATING_PATH = "/internal/demo/appointments/";
    private static final Duration PROPAGATION = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Set<String> ACTIVE = Set.of("PENDING", "CONFIRMED");

    /**
     * @param gatewayUrl        the platform's public address
     * @param bookingServiceUrl booking-service's own address (the seed path for past appointments)
     * @param adminPassword     of {@link #ADMIN_EMAIL}
     * @param demoPassword      of every demo account
     */
    public record Settings(String gatewayUrl, String bookingServiceUrl, String adminPassword, String demoPassword) {
    }

    /**
     * What the platform holds after seeding.
     *
     * @param users       demo accounts + the admin
     * @param created     accounts, profiles, slots, appointments and status changes this run made (0: all there)
     * @param statuses    demo appointments by status
     * @param reminders   reminders of the demo appointments, by status
     * @param reportMonth last month
     * @param completed   completed appointments in last month's summary report
     * @param earnings    last month's earnings over all doctors
     * @param examples    a few accounts to log in with, "email (ROLE)"
     */
    public record Summary(int users, int doctors, int patients, int created, Map<String, Integer> statuses,
                          Map<String, Integer> reminders, YearMonth reportMonth, int completed, String earnings,
                          boolean reportFinal, List<String> examples, double seconds) {

        public int appointments() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    // request bodies of api.md, written snake_case
    record Registration(String role, String fullName, String email, String phone, String password, int divisionId,
                        int districtId, int thanaId, String dateOfBirth, String gender, String bloodGroup) {
    }

    record Profile(String specialization, String licenseNumber, int experienceYears, String consultationFee,
                   String qualification, String bio, String timeZone) {
    }

    record Slot(String weekday, String startTime, String endTime, int slotMinutes) {
    }

    record Booking(String doctorId, String date, String startTime, String notes, String patientId) {
    }

    record Cancellation(String reason) {
    }

    record Completion(String prescription) {
    }

    private record PlacedAppointment(Appointment plan, String id, String status, LocalDate date) {
    }

    private final Settings settings;
    private final PlatformClient api;
    private final SeedProgress progress;
    private final Clock clock;
    private final Map<String, Integer> divisions = new HashMap<>();
    private final Map<String, int[]> places = new HashMap<>();
    private int created;

    public DemoSeeder(Settings settings, PrintStream out) {
        this(settings, out, Clock.systemUTC());
    }

    DemoSeeder(Settings settings, PrintStream out, Clock clock) {
        this.settings = settings;
        this.api = new PlatformClient(settings.gatewayUrl(), settings.bookingServiceUrl());
        this.progress = new SeedProgress(out);
        this.clock = clock;
    }

    static String email(String local, boolean doctor) {
        return (doctor ? "dr." : "") + local + "@" + DemoData.EMAIL_DOMAIN;
    }

    /** Seeds, printing one line per step; throws {@link SeedException} when the platform refuses something. */
    public Summary run() {
        progress.text("SEEDING demo data through " + api.gatewayUrl());
        if (api.login(ADMIN_EMAIL, settings.adminPassword()) == null) {
            throw new SeedException(ADMIN_EMAIL + " cannot log in with the password given (CARESLOT_ADMIN_PASSWORD)");
        }
        progress.line("admin", ADMIN_EMAIL + " logged in");

        List<Login> doctors = new ArrayList<>();
        int registered = 0;
        for (Doctor doctor : DemoData.DOCTORS) {
            boolean isNew = register("DOCTOR", doctor.fullName(), email(doctor.email(), true), doctor.phone(),
                    doctor.place(), null, null, null);
            registered += isNew ? 1 : 0;
            doctors.add(loginDemo(email(doctor.email(), true), "DOCTOR"));
        }
        progress.line("doctors", DemoData.DOCTORS.size() + " accounts (" + registered + " new)");
        List<Login> patients = new ArrayList<>();
        registered = 0;
        for (Patient patient : DemoData.PATIENTS) {
            boolean isNew = register("PATIENT", patient.fullName(), email(patient.email(), false), patient.phone(),
                    patient.place(), patient.dateOfBirth(), patient.gender(), patient.bloodGroup());
            registered += isNew ? 1 : 0;
            patients.add(loginDemo(email(patient.email(), false), "PATIENT"));
        }
        progress.line("patients", DemoData.PATIENTS.size() + " accounts (" + registered + " new)");

        int profiles = 0;
        int slots = 0;
        int slotsTotal = 0;
        for (int i = 0; i < DemoData.DOCTORS.size(); i++) {
            Doctor doctor = DemoData.DOCTORS.get(i);
            String token = api.token(email(doctor.email(), true));
            profiles += ensureProfile(doctor, token) ? 1 : 0;
            slots += ensureSlots(doctor, token);
            slotsTotal += doctor.windows().size();
        }
        progress.line("doctor profiles", DemoData.DOCTORS.size() + " profiles (" + profiles + " new), " + slotsTotal
                + " weekly slots (" + slots + " new)");
        for (int i = 0; i < doctors.size(); i++) {
            awaitSchedule(DemoData.DOCTORS.get(i), doctors.get(i).id());
        }
        progress.line("doctor profiles", "every schedule has reached booking-service");

        List<PlacedAppointment> appointments = new ArrayList<>();
        int before = created;
        for (int i = 0; i < DemoData.APPOINTMENTS.size(); i++) {
            Appointment plan = DemoData.APPOINTMENTS.get(i);
            appointments.add(ensureAppointment(i, plan, doctors.get(plan.doctor()), patients.get(plan.patient())));
        }
        int changes = created - before;
        Map<String, Integer> statuses = new TreeMap<>();
        appointments.forEach(a -> statuses.merge(a.status(), 1, Integer::sum));
        progress.line("appointments", appointments.size() + " (" + (changes == 0 ? "none new" : changes
                + " bookings and status changes") + "): " + statuses);

        Map<String, Integer> reminders = reminders(appointments);
        progress.line("reminders", reminders.values().stream().mapToInt(Integer::intValue).sum()
                + " messages (reminders, notices): " + reminders);

        YearMonth lastMonth = YearMonth.from(LocalDate.now(clock.withZone(ZONE))).minusMonths(1);
        JsonNode report = lastMonthsReport(lastMonth, appointments);
        progress.line("reports", lastMonth + ": " + report.path("completed").asInt() + " completed, "
                + report.path("no_show").asInt() + " no-show, " + report.path("cancelled").asInt() + " cancelled, "
                + "earnings " + report.path("earnings").asText() + " BDT" + (report.path("final").asBoolean()
                ? " (final)" : ""));

        Answer users = api.get("/api/v1/users/" + PlatformClient.query(Map.of("search", DemoData.EMAIL_DOMAIN,
                "page_size", 1)), api.token(ADMIN_EMAIL)).expect("the user list", 200);
        int userCount = users.json().path("count").asInt() + 1;
        List<String> examples = List.of(
                ADMIN_EMAIL + " / " + settings.adminPassword() + " (ADMIN)",
                email(DemoData.DOCTORS.getFirst().email(), true) + " / " + settings.demoPassword() + " (DOCTOR)",
                email(DemoData.PATIENTS.getFirst().email(), false) + " / " + settings.demoPassword() + " (PATIENT)");
        return new Summary(userCount, doctors.size(), patients.size(), created, statuses, reminders, lastMonth,
                report.path("completed").asInt(), report.path("earnings").asText(),
                report.path("final").asBoolean(), examples, progress.seconds());
    }

    /** Prints the closing block of a run. */
    public void printSummary(Summary summary) {
        progress.text(String.format("SEEDED in %.1f s: %d users (the admin, %d doctors, %d patients), %d appointments "
                        + "%s; %s", summary.seconds(), summary.users(), summary.doctors(), summary.patients(),
                summary.appointments(), summary.statuses(), summary.created() == 0
                        ? "nothing was missing, nothing created"
                        : summary.created() + " things created or changed"));
        progress.text("  Demo accounts         every *@" + DemoData.EMAIL_DOMAIN + " account has the password "
                + settings.demoPassword() + ", e.g.");
        summary.examples().forEach(example -> progress.text("                        " + example));
        progress.text("  Last month's report   " + summary.reportMonth() + ": " + summary.completed()
                + " completed, earnings " + summary.earnings() + " BDT (GET /api/v1/reports/summary/?month="
                + summary.reportMonth() + " as the admin)");
    }

    // ---- accounts ----

    /** true when the account was created now; an existing e-mail (409) is fine, it is checked by logging in. */
    private boolean register(String role, String fullName, String email, String phone, Place place,
                             String dateOfBirth, String gender, String bloodGroup) {
        int[] ids = place(place);
        Answer answer = api.post("/api/v1/user/register/", new Registration(role, fullName, email, phone,
                settings.demoPassword(), ids[0], ids[1], ids[2], dateOfBirth, gender, bloodGroup), null);
        answer.expect("registering " + email, 201, 409);
        if (answer.status() == 201) {
            created++;
            return true;
        }
        return false;
    }

    private Login loginDemo(String email, String role) {
        Login login = api.login(email, settings.demoPassword());
        if (login == null) {
            throw new SeedException(email + " exists but refuses the demo password " + settings.demoPassword()
                    + " (or its phone number belongs to another account); start from scratch with "
                    + "./local-stack.sh --fresh --seed");
        }
        if (!role.equals(login.role())) {
            throw new SeedException(email + " exists as a " + login.role() + ", not a " + role);
        }
        return login;
    }

    /** division, district, thana ids of a place, by the names of identity-service's reference data. */
    private int[] place(Place place) {
        return places.computeIfAbsent(place.division() + "/" + place.district() + "/" + place.thana(), key -> {
            if (divisions.isEmpty()) {
                api.get("/api/v1/locations/divisions/", null).expect("the divisions", 200).json()
                        .forEach(d -> divisions.put(d.path("name").asText().toLowerCase(), d.path("id").asInt()));
            }
            Integer division = divisions.get(place.division().toLowerCase());
            if (division == null) {
                throw new SeedException("no division " + place.division() + " among " + divisions.keySet());
            }
            int district = byName(api.get("/api/v1/locations/divisions/" + division + "/districts/", null)
                    .expect("the districts", 200).json(), place.district());
            int thana = byName(api.get("/api/v1/locations/districts/" + district + "/thanas/", null)
                    .expect("the thanas", 200).json(), place.thana());
            return new int[] {division, district, thana};
        });
    }

    /** The id of the entry named {@code name}, or of the first one when name is null. */
    private static int byName(JsonNode entries, String name) {
        for (JsonNode entry : entries) {
            if (name == null || entry.path("name").asText().equalsIgnoreCase(name)) {
                return entry.path("id").asInt();
            }
        }
        throw new SeedException("no place named " + name + " in " + entries);
    }

    // ---- doctors ----

    private boolean ensureProfile(Doctor doctor, String token) {
        Answer existing = api.get("/api/v1/doctors/me/profile/", token).expect("the profile of " + doctor.email(),
                200, 404);
        if (existing.status() == 200) {
            return false;
        }
        api.put("/api/v1/doctors/me/profile/", new Profile(doctor.specialization(), doctor.licenseNumber(),
                        doctor.experienceYears(), doctor.consultationFee(), doctor.qualification(), doctor.bio(),
                        ZONE.getId()), token)
                .expect("creating the profile of " + doctor.email(), 201, 200);
        created++;
        return true;
    }

    /** Adds the windows the doctor does not have yet; how many were added. */
    private int ensureSlots(Doctor doctor, String token) {
        JsonNode existing = api.get("/api/v1/doctors/me/time-slots/?page_size=100", token)
                .expect("the time slots of " + doctor.email(), 200).json();
        Set<String> have = new HashSet<>();
        existing.path("results").forEach(slot -> have.add(slot.path("weekday").asText() + " "
                + slot.path("start_time").asText() + "-" + slot.path("end_time").asText()));
        int added = 0;
        for (Window window : doctor.windows()) {
            if (have.contains(window.weekday() + " " + window.start() + "-" + window.end())) {
                continue;
            }
            api.post("/api/v1/doctors/me/time-slots/", new Slot(window.weekday().name(), window.start().toString(),
                            window.end().toString(), window.slotMinutes()), token)
                    .expect("adding a time slot of " + doctor.email(), 201);
            created++;
            added++;
        }
        return added;
    }

    /** booking-service learns schedules from doctor.profile.v1: wait until it offers the doctor's next window. */
    private void awaitSchedule(Doctor doctor, String doctorId) {
        LocalDate date = dateOnGrid(doctor, LocalDate.now(clock.withZone(ZONE)).plusDays(1));
        String path = "/api/v1/doctors/" + doctorId + "/availability/?date=" + date;
        await("the schedule of " + doctor.email() + " in booking-service (" + path + ")", () -> {
            Answer answer = api.get(path, null);
            return answer.status() == 200 && !answer.json().path("slots").isEmpty()
                    ? Optional.of(true) : Optional.empty();
        });
    }

    // ---- appointments ----

    private static LocalDate dateOnGrid(Doctor doctor, LocalDate from) {
        for (int i = 0; i < 7; i++) {
            LocalDate candidate = from.plusDays(i);
            if (window(doctor, candidate).isPresent()) {
                return candidate;
            }
        }
        throw new IllegalStateException(doctor.email() + " has no weekly slot");
    }

    private static Optional<Window> window(Doctor doctor, LocalDate date) {
        return doctor.windows().stream().filter(w -> w.weekday() == date.getDayOfWeek()).findFirst();
    }

    private PlacedAppointment ensureAppointment(int index, Appointment plan, Login doctor, Login patient) {
        Doctor doctorData = DemoData.DOCTORS.get(plan.doctor());
        String adminToken = api.token(ADMIN_EMAIL);
        JsonNode found = api.get("/api/v1/appointments/" + PlatformClient.query(Map.of("doctor_id", doctor.id(),
                        "patient_id", patient.id(), "ordering", "starts_at", "page_size", 100)), adminToken)
                .expect("the appointments of " + doctor.id() + " and " + patient.id(), 200).json();
        JsonNode appointment;
        if (found.path("count").asInt() > 0) {
            appointment = found.path("results").get(0);
        } else {
            appointment = book(index, plan, doctorData, doctor, patient);
            created++;
        }
        appointment = advance(appointment, plan, doctorData);
        return new PlacedAppointment(plan, appointment.path("id").asText(), appointment.path("status").asText(),
                LocalDate.parse(appointment.path("date").asText()));
    }

    private JsonNode book(int index, Appointment plan, Doctor doctorData, Login doctor, Login patient) {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        LocalDate date = plan.when() == When.UPCOMING
                ? dateOnGrid(doctorData, today.plusDays(3))
                : dateOnGrid(doctorData, YearMonth.from(today).minusMonths(1).atDay(8));
        Window window = window(doctorData, date).orElseThrow();
        LocalTime start = window.start().plusMinutes((long) plan.slot() * window.slotMinutes());
        // the same key for a retry of this very booking; a later day's run finds the appointment by its pair first
        Map<String, String> key = Map.of("Idempotency-Key", "careslot-demo-seed-" + index + "-" + date);
        String what = "booking demo appointment " + (index + 1) + " (" + doctorData.email() + ", " + date + " "
                + start + ")";
        Supplier<Answer> request = plan.when() == When.UPCOMING
                ? () -> api.post("/api/v1/appointments/", new Booking(doctor.id(), date.toString(), start.toString(),
                plan.notes(), null), api.token(patientEmail(plan)), key)
                : () -> api.postToBookingService(BACKDATING_PATH, new Booking(doctor.id(), date.toString(),
                start.toString(), plan.notes(), patient.id()), api.token(ADMIN_EMAIL), key);
        // 400 on doctor_id or patient_id: the doctor's or the patient's event has not reached booking-service yet
        Answer answer = await(what, () -> {
            Answer attempt = request.get();
            boolean notThereYet = attempt.status() == 400 && Set.of("doctor_id", "patient_id", "start_time")
                    .containsAll(attempt.errorFields());
            return notThereYet ? Optional.empty() : Optional.of(attempt);
        });
        if (answer.status() == 404 && plan.when() == When.LAST_MONTH) {
            throw new SeedException("booking-service has no demo seed path at " + settings.bookingServiceUrl()
                    + BACKDATING_PATH + ": run it with BOOKING_DEMO_BACKDATING_ENABLED=true (the local stack does)");
        }
        return answer.expect(what, 201).json();
    }

    /** Takes the appointment on to the planned status with the public lifecycle endpoints, as its parties would. */
    private JsonNode advance(JsonNode appointment, Appointment plan, Doctor doctorData) {
        String target = plan.status();
        for (int step = 0; step < 6; step++) {
            String status = appointment.path("status").asText();
            String id = appointment.path("id").asText();
            String doctorToken = api.token(email(doctorData.email(), true));
            String path = "/api/v1/appointments/" + id + "/";
            Answer answer;
            if (target.equals(status)) {
                return appointment;
            } else if (target.equals("CANCELLED") && ACTIVE.contains(status)) {
                String token = plan.cancelledBy() == CancelledBy.PATIENT ? api.token(patientEmail(plan)) : doctorToken;
                answer = api.post(path + "cancel/", new Cancellation(plan.closing()), token);
            } else if (status.equals("PENDING") && Set.of("CONFIRMED", "COMPLETED", "NO_SHOW").contains(target)) {
                answer = api.post(path + "confirm/", null, doctorToken);
            } else if (status.equals("CONFIRMED") && target.equals("COMPLETED")) {
                answer = api.post(path + "complete/", new Completion(plan.closing()), doctorToken);
            } else if (status.equals("CONFIRMED") && target.equals("NO_SHOW")) {
                answer = api.post(path + "no-show/", null, doctorToken);
            } else {
                return appointment; // somebody took it elsewhere: leave it
            }
            if (answer.status() == 409) {
                // changed meanwhile, e.g. by our own retried request that had been applied: look again
                appointment = api.get(path, api.token(ADMIN_EMAIL)).expect("appointment " + id, 200).json();
                continue;
            }
            appointment = answer.expect("changing appointment " + id + " from " + status + " towards " + target, 200)
                    .json();
            created++;
        }
        return appointment;
    }

    private static String patientEmail(Appointment plan) {
        return email(DemoData.PATIENTS.get(plan.patient()).email(), false);
    }

    // ---- what followed from the events ----

    /** The reminders notification-service planned from the events, once every active upcoming one has its own. */
    private Map<String, Integer> reminders(List<PlacedAppointment> appointments) {
        String adminToken = api.token(ADMIN_EMAIL);
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        Map<String, Integer> byStatus = new TreeMap<>();
        for (PlacedAppointment appointment : appointments) {
            String path = "/api/v1/reminders/?page_size=100&appointment_id=" + appointment.id();
            boolean expectsOne = ACTIVE.contains(appointment.status()) && appointment.date().isAfter(today);
            JsonNode page = await("the reminders of appointment " + appointment.id(), () -> {
                JsonNode answer = api.get(path, adminToken).expect("the reminders", 200).json();
                return !expectsOne || answer.path("count").asInt() > 0 ? Optional.of(answer) : Optional.empty();
            });
            page.path("results").forEach(r -> byStatus.merge(r.path("status").asText(), 1, Integer::sum));
        }
        return byStatus;
    }

    /**
     * Last month's summary report once reporting-service has counted the demo appointments completed then; closes the
     * month (admin endpoint) when its scheduled close has not happened, so that the reports are final.
     */
    private JsonNode lastMonthsReport(YearMonth month, List<PlacedAppointment> appointments) {
        String adminToken = api.token(ADMIN_EMAIL);
        long completedThen = appointments.stream()
                .filter(a -> a.status().equals("COMPLETED") && YearMonth.from(a.date()).equals(month)).count();
        String path = "/api/v1/reports/summary/?month=" + month;
        JsonNode summary = await("last month's report (" + path + ")", () -> {
            JsonNode answer = api.get(path, adminToken).expect("the summary report", 200).json();
            return answer.path("completed").asInt() >= completedThen ? Optional.of(answer) : Optional.empty();
        });
        if (!summary.path("final").asBoolean()) {
            api.post("/api/v1/reports/monthly/close/" + month + "/", null, adminToken)
                    .expect("closing " + month, 200);
            summary = api.get(path, adminToken).expect("the summary report", 200).json();
        }
        return summary;
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        while (true) {
            Optional<T> result = probe.get();
            if (result.isPresent()) {
                return result.get();
            }
            if (System.nanoTime() > deadline) {
                throw new SeedException("gave up waiting for " + what + " after " + PROPAGATION.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SeedException("interrupted while waiting for " + what);
            }
        }
    }
}
