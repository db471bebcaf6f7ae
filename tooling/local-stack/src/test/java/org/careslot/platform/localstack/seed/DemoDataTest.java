package org.careslot.platform.localstack.seed;

import org.careslot.platform.localstack.seed.DemoData.Appointment;
import org.careslot.platform.localstack.seed.DemoData.Doctor;
import org.careslot.platform.localstack.seed.DemoData.Window;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data set is what the issue asks for and what the API accepts, so that seeding cannot fail on it. */
class DemoDataTest {

    @Test
    void thirtyUsersWithTheAdminTenAppointmentsInEveryStatus() {
        assertThat(1 + DemoData.DOCTORS.size() + DemoData.PATIENTS.size()).isEqualTo(30);
        assertThat(DemoData.DOCTORS).hasSize(10);
        Map<String, Integer> statuses = new TreeMap<>();
        DemoData.APPOINTMENTS.forEach(a -> statuses.merge(a.status(), 1, Integer::sum));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of("PENDING", 2, "CONFIRMED", 2, "CANCELLED", 2,
                "COMPLETED", 3, "NO_SHOW", 1));
        assertThat(DemoData.APPOINTMENTS).filteredOn(a -> a.when() == DemoData.When.LAST_MONTH)
                .extracting(Appointment::status).contains("COMPLETED", "NO_SHOW");
        assertThat(DemoData.DOCTORS.stream().map(Doctor::specialization).distinct()).hasSize(10);
        assertThat(DemoData.DOCTORS.stream().map(d -> d.place().division()).distinct().count()).isGreaterThan(5);
    }

    @Test
    void accountsAreUniqueAndValidForRegistration() {
        List<String> emails = Stream.concat(
                DemoData.DOCTORS.stream().map(d -> DemoSeeder.email(d.email(), true)),
                DemoData.PATIENTS.stream().map(p -> DemoSeeder.email(p.email(), false))).toList();
        assertThat(emails).doesNotHaveDuplicates().allMatch(e -> e.endsWith("@" + DemoData.EMAIL_DOMAIN));
        List<String> phones = Stream.concat(DemoData.DOCTORS.stream().map(Doctor::phone),
                DemoData.PATIENTS.stream().map(DemoData.Patient::phone)).toList();
        assertThat(phones).doesNotHaveDuplicates().allMatch(phone -> phone.matches("^\\+88\\d{11}$"));
        assertThat(DemoData.DOCTORS.stream().map(Doctor::licenseNumber)).doesNotHaveDuplicates();
        // api.md's password rule: 8+ characters with an upper-case letter, a digit and a special character
        assertThat(DemoSeeder.DEFAULT_PASSWORD).hasSizeGreaterThanOrEqualTo(8).containsPattern("[A-Z]")
                .containsPattern("\\d").containsPattern("[^A-Za-z0-9]");
    }

    @Test
    void everyWindowIsAWholeNumberOfSlotsAndADoctorHasOnePerWeekday() {
        for (Doctor doctor : DemoData.DOCTORS) {
            Set<DayOfWeek> days = new HashSet<>();
            for (Window window : doctor.windows()) {
                assertThat(days.add(window.weekday())).as(doctor.email() + " " + window.weekday()).isTrue();
                long minutes = Duration.between(window.start(), window.end()).toMinutes();
                assertThat(minutes % window.slotMinutes()).as(doctor.email()).isZero();
            }
        }
    }

    @Test
    void everyAppointmentHasItsOwnDoctorAndPatientAndFitsTheWindow() {
        Set<String> pairs = new HashSet<>();
        for (Appointment appointment : DemoData.APPOINTMENTS) {
            assertThat(pairs.add(appointment.doctor() + "/" + appointment.patient())).isTrue();
            Doctor doctor = DemoData.DOCTORS.get(appointment.doctor());
            for (Window window : doctor.windows()) {
                long slots = Duration.between(window.start(), window.end()).toMinutes() / window.slotMinutes();
                assertThat(appointment.slot()).isLessThan((int) slots);
            }
            if (appointment.status().equals("CANCELLED")) {
                assertThat(appointment.cancelledBy()).isNotNull();
            }
        }
    }
}
