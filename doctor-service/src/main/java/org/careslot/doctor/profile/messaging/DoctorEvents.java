package org.careslot.doctor.profile.messaging;

import org.careslot.doctor.profile.DoctorView;
import org.careslot.doctor.profile.domain.SlotRules;
import org.careslot.doctor.profile.persistence.DoctorProfile;
import org.careslot.doctor.profile.persistence.TimeOff;
import org.careslot.doctor.profile.persistence.TimeSlot;
import org.careslot.platform.messaging.outbox.OutboxPublisher;
import org.careslot.platform.messaging.outbox.OutgoingEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The published contract {@code doctor.profile.v1} (docs/asyncapi.yaml, docs/schemas/doctor.profile.v1/doctor.json):
 * one {@code doctor.profile.updated} per change of a doctor, carrying the doctor's whole current state — profile, name,
 * location and active flag, the full weekly schedule and the time off — so booking-service and reporting-service
 * never call back (event-carried state transfer). The topic is compacted and keyed by doctor id: the latest event of
 * each doctor is the doctor. Written to the outbox in the caller's transaction.
 *
 * <p>Time-off reasons are deliberately left out: consumers need the dates only, and a reason ("sick leave") may be
 * personal.
 */
@Component
public class DoctorEvents {

    public static final String TOPIC = "doctor.profile.v1";
    public static final String TYPE = "doctor.profile.updated";
    public static final String SCHEMA = "urn:careslot:schema:doctor.profile.v1:doctor";

    /** {@code data} of every doctor event. */
    public record DoctorData(UUID id, String fullName, String specialization, String licenseNumber,
                             int experienceYears, String consultationFee, String qualification, String bio,
                             Integer divisionId, Integer districtId, Integer thanaId, String timeZone,
                             boolean isActive, List<SlotData> timeSlots, List<TimeOffData> timeOff,
                             Instant createdAt, Instant updatedAt) {
    }

    public record SlotData(UUID id, String weekday, String startTime, String endTime, int slotMinutes) {

        static SlotData of(TimeSlot slot) {
            return new SlotData(slot.getId(), slot.getWeekday().name(), SlotRules.format(slot.getStartMinute()),
                    SlotRules.format(slot.getEndMinute()), slot.getSlotMinutes());
        }
    }

    public record TimeOffData(UUID id, LocalDate dateFrom, LocalDate dateTo) {

        static TimeOffData of(TimeOff timeOff) {
            return new TimeOffData(timeOff.getId(), timeOff.getDateFrom(), timeOff.getDateTo());
        }
    }

    private final OutboxPublisher outbox;

    public DoctorEvents(OutboxPublisher outbox) {
        this.outbox = outbox;
    }

    /** Publishes the doctor's state after a change; {@code sequence} = the profile's version. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(DoctorProfile profile, DoctorView view, List<TimeSlot> slots, List<TimeOff> timeOff) {
        DoctorData data = new DoctorData(view.id(), view.fullName(), view.specialization().name(),
                view.licenseNumber(), view.experienceYears(), view.consultationFee(), view.qualification(),
                view.bio(), view.divisionId(), view.districtId(), view.thanaId(), view.timeZone(), view.isActive(),
                slots.stream().map(SlotData::of).toList(), timeOff.stream().map(TimeOffData::of).toList(),
                profile.getCreatedAt(), profile.getUpdatedAt());
        outbox.publish(new OutgoingEvent(TOPIC, profile.getId().toString(), TYPE, profile.getVersion(), SCHEMA, data));
    }
}
