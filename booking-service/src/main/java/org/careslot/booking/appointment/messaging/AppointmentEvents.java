package org.careslot.booking.appointment.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.careslot.booking.appointment.domain.Appointment;
import org.careslot.booking.appointment.domain.AppointmentAction;
import org.careslot.booking.support.Times;
import org.careslot.platform.messaging.outbox.OutboxPublisher;
import org.careslot.platform.messaging.outbox.OutgoingEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * The published contract {@code booking.appointment.v1} (docs/asyncapi.yaml,
 * docs/schemas/booking.appointment.v1/appointment.json): the appointment's state after each change, written to the
 * outbox in the caller's transaction, keyed by appointment id, {@code sequence} = the appointment's version. Carries
 * {@code notes} as events.md lists it, but never {@code symptoms} or {@code prescription}.
 */
@Component
public class AppointmentEvents {

    public static final String TOPIC = "booking.appointment.v1";
    public static final String SCHEMA = "urn:careslot:schema:booking.appointment.v1:appointment";

    /**
     * {@code data} of every appointment event. {@code cancel_reason} is present once cancelled,
     * {@code previous_starts_at} once rescheduled; both are omitted otherwise.
     */
    public record AppointmentData(UUID id, UUID doctorId, UUID patientId, String startsAt, String endsAt,
                                  String timeZone, String status, String consultationFee, String notes,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String cancelReason,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String previousStartsAt) {

        public static AppointmentData of(Appointment a) {
            return new AppointmentData(a.id(), a.doctorId(), a.patientId(), Times.withOffset(a.startsAt(), a.zone()),
                    Times.withOffset(a.endsAt(), a.zone()), a.timeZone(), a.status().name(),
                    a.consultationFee().toPlainString(), a.notes(), a.cancelReason(),
                    Times.withOffset(a.previousStartsAt(), a.zone()));
        }

        @Override
        public String toString() { // notes are medical data
            return "AppointmentData[id=" + id + ", status=" + status + "]";
        }
    }

    private final OutboxPublisher outbox;

    public AppointmentEvents(OutboxPublisher outbox) {
        this.outbox = outbox;
    }

    /** Publishes the event of {@code action} with the appointment's state after it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(AppointmentAction action, Appointment appointment) {
        outbox.publish(new OutgoingEvent(TOPIC, appointment.id().toString(), action.eventType(), appointment.version(),
                SCHEMA, AppointmentData.of(appointment)));
    }
}
