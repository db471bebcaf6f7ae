package org.careslot.notification.waitlist;

import org.careslot.notification.reminder.domain.MessageKind;
import org.careslot.notification.reminder.domain.MessageText;
import org.careslot.notification.reminder.domain.Recipient;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The waitlist's notice names the doctor and the freed slot's time, and nothing of the appointment that freed it. */
class WaitlistNoticeTextTest {

    @Test
    void theNoticeNamesDoctorAndTimeAndNeitherTheFreedAppointmentNorItsPatient() {
        UUID freedAppointment = UUID.randomUUID();
        MessageText.Composed text = MessageText.compose(new MessageText.Facts(MessageKind.WAITLIST_SLOT_FREED,
                Recipient.PATIENT, "Rahim Uddin", "Sabrina Sultana", "Karim Ali", freedAppointment,
                Instant.parse("2026-12-05T03:00:00Z"), ZoneId.of("Asia/Dhaka")));

        assertThat(text.subject()).isEqualTo(
                "A slot is free with Dr. Sabrina Sultana on Saturday 5 December 2026 at 09:00 (Asia/Dhaka)");
        assertThat(text.text()).startsWith("Dear Rahim Uddin,")
                .contains("can be booked now", "whoever books it first");
        for (String part : new String[] {text.text(), text.html(), text.shortText()}) {
            assertThat(part).doesNotContain(freedAppointment.toString(), freedAppointment.toString().substring(0, 8),
                    "Karim Ali");
        }
        assertThat(text.shortText()).startsWith("CareSlot: A slot with Dr. Sabrina Sultana on Saturday 5 December")
                .doesNotContain("\n");
    }
}
