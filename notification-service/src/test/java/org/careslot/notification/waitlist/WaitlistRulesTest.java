package org.careslot.notification.waitlist;

import org.careslot.notification.appointment.Appointment;
import org.careslot.notification.waitlist.domain.FreedSlot;
import org.careslot.notification.waitlist.domain.WaitlistEntry;
import org.careslot.notification.waitlist.domain.WaitlistRules;
import org.careslot.notification.waitlist.domain.WaitlistRules.WaitingEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is told about a freed slot, and which changes free one: plain Java, no Spring. */
class WaitlistRulesTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z"); // 10:00 in Dhaka
    static final UUID DOCTOR = UUID.randomUUID();
    static final UUID PATIENT = UUID.randomUUID();
    static final UUID APPOINTMENT = UUID.randomUUID();

    /** 2026-12-05 09:00 in Dhaka = 03:00 UTC. */
    static final Instant DEC_5_0900 = Instant.parse("2026-12-05T03:00:00Z");

    static Appointment appointment(Instant startsAt, String status) {
        return new Appointment(APPOINTMENT, DOCTOR, PATIENT, startsAt, startsAt.plus(Duration.ofMinutes(30)), DHAKA,
                status, 0);
    }

    @Test
    void aCancellationFreesTheSlotItHeldOnTheDoctorsLocalDate() {
        Optional<FreedSlot> freed = WaitlistRules.freedSlot(appointment(DEC_5_0900, "CONFIRMED"),
                appointment(DEC_5_0900, "CANCELLED"), 3, NOW);
        assertThat(freed).hasValueSatisfying(slot -> {
            assertThat(slot.doctorId()).isEqualTo(DOCTOR);
            assertThat(slot.date()).isEqualTo(LocalDate.of(2026, 12, 5));
            assertThat(slot.startsAt()).isEqualTo(DEC_5_0900);
            assertThat(slot.appointmentId()).isEqualTo(APPOINTMENT);
            assertThat(slot.sequence()).isEqualTo(3);
            assertThat(slot.freedBy()).isEqualTo(PATIENT);
        });
    }

    @Test
    void theLocalDateIsTheDoctorsNotUtc() {
        // 2026-12-05 23:30 UTC is already 6 December in Dhaka
        Instant lateUtc = Instant.parse("2026-12-05T23:30:00Z");
        assertThat(WaitlistRules.freedSlot(appointment(lateUtc, "PENDING"), appointment(lateUtc, "CANCELLED"), 2, NOW))
                .hasValueSatisfying(slot -> assertThat(slot.date()).isEqualTo(LocalDate.of(2026, 12, 6)));
    }

    @Test
    void aCancellationNotSeenBeforeFreesTheSlotItCarries() {
        assertThat(WaitlistRules.freedSlot(null, appointment(DEC_5_0900, "CANCELLED"), 2, NOW)).isPresent();
    }

    @Test
    void aRescheduleToAnotherDateFreesTheOldSlot() {
        Instant dec7 = DEC_5_0900.plus(Duration.ofDays(2));
        assertThat(WaitlistRules.freedSlot(appointment(DEC_5_0900, "CONFIRMED"), appointment(dec7, "PENDING"), 4, NOW))
                .hasValueSatisfying(slot -> {
                    assertThat(slot.date()).isEqualTo(LocalDate.of(2026, 12, 5));
                    assertThat(slot.startsAt()).isEqualTo(DEC_5_0900);
                });
    }

    @Test
    void aRescheduleWithinTheSameDateFreesNothing() {
        Instant later = DEC_5_0900.plus(Duration.ofHours(5));
        assertThat(WaitlistRules.freedSlot(appointment(DEC_5_0900, "CONFIRMED"), appointment(later, "PENDING"), 4, NOW))
                .isEmpty();
    }

    @Test
    void completionNoShowConfirmationAndBookingFreeNothing() {
        Appointment confirmed = appointment(DEC_5_0900, "CONFIRMED");
        assertThat(WaitlistRules.freedSlot(confirmed, appointment(DEC_5_0900, "COMPLETED"), 3, NOW)).isEmpty();
        assertThat(WaitlistRules.freedSlot(confirmed, appointment(DEC_5_0900, "NO_SHOW"), 3, NOW)).isEmpty();
        assertThat(WaitlistRules.freedSlot(appointment(DEC_5_0900, "PENDING"), confirmed, 2, NOW)).isEmpty();
        assertThat(WaitlistRules.freedSlot(null, appointment(DEC_5_0900, "PENDING"), 1, NOW)).isEmpty();
    }

    @Test
    void aSlotInThePastOrStartedIsNotOffered() {
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        assertThat(WaitlistRules.freedSlot(appointment(yesterday, "CONFIRMED"), appointment(yesterday, "CANCELLED"), 3,
                NOW)).isEmpty();
        assertThat(WaitlistRules.freedSlot(appointment(NOW, "CONFIRMED"), appointment(NOW, "CANCELLED"), 3, NOW))
                .isEmpty();
    }

    @Test
    void theEarliestJoinedEntryIsToldSkippingThePatientWhoFreedTheSlot() {
        FreedSlot slot = WaitlistRules.freedSlot(appointment(DEC_5_0900, "CONFIRMED"),
                appointment(DEC_5_0900, "CANCELLED"), 3, NOW).orElseThrow();
        WaitingEntry canceller = new WaitingEntry(UUID.randomUUID(), PATIENT);
        WaitingEntry first = new WaitingEntry(UUID.randomUUID(), UUID.randomUUID());
        WaitingEntry second = new WaitingEntry(UUID.randomUUID(), UUID.randomUUID());
        assertThat(WaitlistRules.whoIsTold(List.of(first, second), slot)).contains(first);
        assertThat(WaitlistRules.whoIsTold(List.of(canceller, first, second), slot)).contains(first);
        assertThat(WaitlistRules.whoIsTold(List.of(second), slot)).contains(second);
        assertThat(WaitlistRules.whoIsTold(List.of(canceller), slot)).isEmpty();
        assertThat(WaitlistRules.whoIsTold(List.of(), slot)).isEmpty();
    }

    @Test
    void oneMayWaitFromTodayUpTo90DaysAhead() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        assertThat(WaitlistRules.checkDate(today, today).isEmpty()).isTrue();
        assertThat(WaitlistRules.checkDate(today.plusDays(90), today).isEmpty()).isTrue();
        assertThat(WaitlistRules.checkDate(today.minusDays(1), today).asMap()).containsOnlyKeys("date");
        assertThat(WaitlistRules.checkDate(today.plusDays(91), today).asMap()).containsOnlyKeys("date");
    }

    @Test
    void bookingWithTheDoctorOnTheDateTakesIt() {
        Instant dec7 = DEC_5_0900.plus(Duration.ofDays(2));
        assertThat(WaitlistRules.takenSlot(null, appointment(DEC_5_0900, "PENDING")))
                .contains(new WaitlistRules.Taken(PATIENT, DOCTOR, LocalDate.of(2026, 12, 5)));
        assertThat(WaitlistRules.takenSlot(appointment(DEC_5_0900, "PENDING"), appointment(dec7, "PENDING")))
                .contains(new WaitlistRules.Taken(PATIENT, DOCTOR, LocalDate.of(2026, 12, 7)));
        assertThat(WaitlistRules.takenSlot(appointment(DEC_5_0900, "PENDING"), appointment(DEC_5_0900, "CONFIRMED")))
                .isEmpty();
        assertThat(WaitlistRules.takenSlot(appointment(DEC_5_0900, "PENDING"), appointment(DEC_5_0900, "CANCELLED")))
                .isEmpty();
    }

    @Test
    void aWaitingEntryWhoseDateHasPassedShowsAsExpired() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        WaitlistEntry waiting = new WaitlistEntry(UUID.randomUUID(), PATIENT, DOCTOR, today.minusDays(1),
                WaitlistEntry.WAITING, NOW, null);
        assertThat(waiting.statusOn(today)).isEqualTo("EXPIRED");
        assertThat(waiting.statusOn(today.minusDays(1))).isEqualTo("WAITING");
        WaitlistEntry notified = new WaitlistEntry(UUID.randomUUID(), PATIENT, DOCTOR, today.minusDays(1),
                WaitlistEntry.NOTIFIED, NOW, NOW);
        assertThat(notified.statusOn(today)).isEqualTo("NOTIFIED");
    }
}
