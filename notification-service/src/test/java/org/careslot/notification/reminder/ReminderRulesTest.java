package org.careslot.notification.reminder;

import org.careslot.notification.reminder.domain.AppointmentChange;
import org.careslot.notification.reminder.domain.MessageKind;
import org.careslot.notification.reminder.domain.MessageText;
import org.careslot.notification.reminder.domain.PlannedMessage;
import org.careslot.notification.reminder.domain.Recipient;
import org.careslot.notification.reminder.domain.ReminderPlan;
import org.careslot.notification.reminder.domain.ReminderRules;
import org.careslot.notification.reminder.domain.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheduling, retry and wording rules, without Spring. */
class ReminderRulesTest {

    static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    static final Duration DAY = Duration.ofHours(24);
    static final Duration TWO_HOURS = Duration.ofHours(2);
    final ReminderRules rules = new ReminderRules(List.of(TWO_HOURS, DAY));

    static List<MessageKind> kinds(ReminderPlan plan) {
        return plan.messages().stream().map(PlannedMessage::kind).toList();
    }

    static List<PlannedMessage> reminders(ReminderPlan plan) {
        return plan.messages().stream().filter(m -> m.kind() == MessageKind.REMINDER).toList();
    }

    @Test
    void bookingFarAheadSchedulesOneReminderPerLeadTimeAndNoticesToBoth() {
        Instant start = NOW.plus(Duration.ofDays(3));
        ReminderPlan plan = rules.plan(AppointmentChange.BOOKED, start, true, null, NOW);

        assertThat(plan.cancelScheduledReminders()).isFalse();
        assertThat(reminders(plan)).extracting(PlannedMessage::dueAt)
                .containsExactly(start.minus(DAY), start.minus(TWO_HOURS));
        assertThat(reminders(plan)).allSatisfy(m -> assertThat(m.recipient()).isEqualTo(Recipient.PATIENT));
        assertThat(plan.messages()).filteredOn(m -> m.kind() == MessageKind.BOOKED)
                .extracting(PlannedMessage::recipient).containsExactly(Recipient.PATIENT, Recipient.DOCTOR);
    }

    @Test
    void remindersWhoseTimeHasPassedCollapseIntoOneSentAtOnce() {
        Instant start = NOW.plus(Duration.ofHours(1)); // both the 24 h and the 2 h reminder are past due
        assertThat(rules.reminders(start, NOW)).singleElement().satisfies(m -> {
            assertThat(m.dueAt()).isEqualTo(NOW);
            assertThat(m.leadTime()).isEqualTo(DAY);
        });

        Instant inFiveHours = NOW.plus(Duration.ofHours(5)); // 24 h past due, 2 h still ahead
        assertThat(rules.reminders(inFiveHours, NOW)).extracting(PlannedMessage::dueAt)
                .containsExactly(NOW, inFiveHours.minus(TWO_HOURS));
    }

    @Test
    void noReminderForAnAppointmentThatHasStarted() {
        assertThat(rules.reminders(NOW, NOW)).isEmpty();
        assertThat(rules.reminders(NOW.minusSeconds(60), NOW)).isEmpty();
    }

    @Test
    void confirmingKeepsTheRemindersAndNotifiesThePatientOnly() {
        Instant start = NOW.plus(Duration.ofDays(3));
        ReminderPlan plan = rules.plan(AppointmentChange.CONFIRMED, start, true, start, NOW);

        assertThat(plan.cancelScheduledReminders()).isFalse();
        assertThat(plan.messages()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.CONFIRMED);
            assertThat(m.recipient()).isEqualTo(Recipient.PATIENT);
        });
    }

    @Test
    void confirmedSeenFirstSchedulesTheReminders() { // booked overtaken by confirmed
        Instant start = NOW.plus(Duration.ofDays(3));
        ReminderPlan plan = rules.plan(AppointmentChange.CONFIRMED, start, true, null, NOW);
        assertThat(kinds(plan)).containsExactly(MessageKind.CONFIRMED, MessageKind.REMINDER, MessageKind.REMINDER);
    }

    @Test
    void reschedulingCancelsTheOldRemindersAndPlansNewOnes() {
        Instant old = NOW.plus(Duration.ofDays(3));
        Instant moved = NOW.plus(Duration.ofDays(5));
        ReminderPlan plan = rules.plan(AppointmentChange.RESCHEDULED, moved, true, old, NOW);

        assertThat(plan.cancelScheduledReminders()).isTrue();
        assertThat(reminders(plan)).extracting(PlannedMessage::dueAt)
                .containsExactly(moved.minus(DAY), moved.minus(TWO_HOURS));
        assertThat(plan.messages()).filteredOn(m -> m.kind() == MessageKind.RESCHEDULED)
                .extracting(PlannedMessage::recipient).containsExactly(Recipient.PATIENT);
    }

    @Test
    void cancellingCancelsTheRemindersAndNotifiesBoth() {
        Instant start = NOW.plus(Duration.ofDays(3));
        ReminderPlan plan = rules.plan(AppointmentChange.CANCELLED, start, false, start, NOW);

        assertThat(plan.cancelScheduledReminders()).isTrue();
        assertThat(plan.messages()).extracting(PlannedMessage::kind, PlannedMessage::recipient)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MessageKind.CANCELLED, Recipient.PATIENT),
                        org.assertj.core.groups.Tuple.tuple(MessageKind.CANCELLED, Recipient.DOCTOR));
    }

    @Test
    void completionAndNoShowStopEverythingAndSayNothing() {
        Instant start = NOW.minusSeconds(600);
        for (AppointmentChange change : List.of(AppointmentChange.COMPLETED, AppointmentChange.NO_SHOW)) {
            ReminderPlan plan = rules.plan(change, start, false, start, NOW);
            assertThat(plan.cancelScheduledReminders()).as(change.name()).isTrue();
            assertThat(plan.messages()).as(change.name()).isEmpty();
        }
    }

    @Test
    void leadTimesMustBePositive() {
        assertThatThrownBy(() -> new ReminderRules(List.of(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderRules(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCapThenStop() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(1));
        assertThat(policy.nextAttempt(1, NOW)).contains(NOW.plusSeconds(30));
        assertThat(policy.nextAttempt(2, NOW)).contains(NOW.plusSeconds(60));
        assertThat(policy.nextAttempt(3, NOW)).contains(NOW.plusSeconds(60)); // capped
        assertThat(policy.nextAttempt(4, NOW)).contains(NOW.plusSeconds(60));
        assertThat(policy.nextAttempt(5, NOW)).isEmpty();
    }

    @Test
    void eventTypesMapToChanges() {
        assertThat(AppointmentChange.ofEventType("appointment.no_show")).contains(AppointmentChange.NO_SHOW);
        assertThat(AppointmentChange.ofEventType("appointment.unknown")).isEmpty();
    }

    @Test
    void messagesNameTheDoctorTheLocalTimeAndTheAppointmentAndEscapeHtml() {
        UUID id = UUID.randomUUID();
        MessageText.Composed text = MessageText.compose(new MessageText.Facts(MessageKind.REMINDER, Recipient.PATIENT,
                "Rahim <Uddin>", "Sabrina Sultana", "Rahim", id, Instant.parse("2026-12-02T03:00:00Z"),
                ZoneId.of("Asia/Dhaka")));

        assertThat(text.subject()).isEqualTo(
                "Reminder: your appointment with Dr. Sabrina Sultana on Wednesday 2 December 2026 at 09:00 (Asia/Dhaka)");
        assertThat(text.text()).contains("Dear Rahim <Uddin>,", "Dr. Sabrina Sultana",
                "Wednesday 2 December 2026 at 09:00 (Asia/Dhaka)", "Appointment id: " + id);
        assertThat(text.html()).contains("Dear Rahim &lt;Uddin&gt;,", "Dr. Sabrina Sultana", "09:00 (Asia/Dhaka)",
                id.toString()).doesNotContain("<Uddin>");
        assertThat(text.shortText()).isEqualTo("CareSlot: This is a reminder of your appointment with Dr. Sabrina "
                + "Sultana on Wednesday 2 December 2026 at 09:00 (Asia/Dhaka). Ref " + id.toString().substring(0, 8));
    }

    @Test
    void theSmsVersionIsOneLineWithoutGreetingOrPatientNameForThePatient() {
        UUID id = UUID.randomUUID();
        MessageText.Composed text = MessageText.compose(new MessageText.Facts(MessageKind.CANCELLED, Recipient.DOCTOR,
                "Sabrina Sultana", "Sabrina Sultana", "Rahim Uddin", id, Instant.parse("2026-12-02T03:00:00Z"),
                ZoneId.of("Asia/Dhaka")));
        assertThat(text.shortText()).isEqualTo("CareSlot: The appointment with Rahim Uddin on Wednesday 2 December "
                + "2026 at 09:00 (Asia/Dhaka) was cancelled. Ref " + id.toString().substring(0, 8))
                .doesNotContain("\n", "Dear");
    }
}
