package org.careslot.doctor.profile;

import org.careslot.doctor.profile.ScheduleViews.TimeOffView;
import org.careslot.doctor.profile.ScheduleViews.TimeSlotView;
import org.careslot.doctor.profile.domain.SlotRules;
import org.careslot.doctor.profile.domain.SlotRules.SlotInput;
import org.careslot.doctor.profile.domain.SlotRules.ValidSlot;
import org.careslot.doctor.profile.domain.TimeOffRules;
import org.careslot.doctor.profile.domain.TimeOffRules.TimeOffInput;
import org.careslot.doctor.profile.domain.TimeOffRules.ValidTimeOff;
import org.careslot.doctor.profile.persistence.DatabaseErrors;
import org.careslot.doctor.profile.persistence.DoctorProfile;
import org.careslot.doctor.profile.persistence.DoctorProfileRepository;
import org.careslot.doctor.profile.persistence.TimeOff;
import org.careslot.doctor.profile.persistence.TimeOffRepository;
import org.careslot.doctor.profile.persistence.TimeSlot;
import org.careslot.doctor.profile.persistence.TimeSlotRepository;
import org.careslot.platform.web.paging.PageQuery;
import org.careslot.platform.web.problem.ConflictException;
import org.careslot.platform.web.problem.FieldErrors;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A doctor's weekly time slots and time off. Every change needs the doctor's profile (404 without one), bumps the
 * doctor's version and publishes the doctor's whole state. Slots of one doctor on one weekday never overlap: the
 * database refuses it (exclusion constraint, also under concurrent requests) and this turns that into a 409. A slot or
 * time off of another doctor is "not found" (404), so ids of others never leak.
 */
@Service
public class DoctorSchedules {

    private final DoctorProfileRepository profiles;
    private final TimeSlotRepository slots;
    private final TimeOffRepository timeOff;
    private final DoctorChanges changes;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public DoctorSchedules(DoctorProfileRepository profiles, TimeSlotRepository slots, TimeOffRepository timeOff,
                           DoctorChanges changes, TransactionTemplate transaction, Clock clock) {
        this.profiles = profiles;
        this.slots = slots;
        this.timeOff = timeOff;
        this.changes = changes;
        this.transaction = transaction;
        this.clock = clock;
    }

    // ---- weekly time slots ----

    @Transactional(readOnly = true)
    public Page<TimeSlotView> slots(UUID doctorId, PageQuery page) {
        requireProfile(doctorId);
        return slots.findByDoctorIdOrderByWeekdayAscStartMinuteAscIdAsc(doctorId,
                PageRequest.of(page.page() - 1, page.pageSize())).map(TimeSlotView::of);
    }

    public TimeSlotView addSlot(UUID doctorId, SlotInput input) {
        ValidSlot valid = validSlot(input);
        return overlapAsConflict(valid, () -> transaction.execute(status -> {
            DoctorProfile profile = changes.lock(doctorId);
            TimeSlot slot = slots.saveAndFlush(new TimeSlot(doctorId, valid, clock.instant()));
            changes.record(profile);
            return TimeSlotView.of(slot);
        }));
    }

    public TimeSlotView replaceSlot(UUID doctorId, UUID slotId, SlotInput input) {
        ValidSlot valid = validSlot(input);
        return overlapAsConflict(valid, () -> transaction.execute(status -> {
            DoctorProfile profile = changes.lock(doctorId);
            TimeSlot slot = slots.findByIdAndDoctorId(slotId, doctorId)
                    .orElseThrow(() -> new ResourceNotFoundException("Time slot"));
            slot.apply(valid);
            slots.saveAndFlush(slot);
            changes.record(profile);
            return TimeSlotView.of(slot);
        }));
    }

    public void deleteSlot(UUID doctorId, UUID slotId) {
        transaction.executeWithoutResult(status -> {
            DoctorProfile profile = changes.lock(doctorId);
            TimeSlot slot = slots.findByIdAndDoctorId(slotId, doctorId)
                    .orElseThrow(() -> new ResourceNotFoundException("Time slot"));
            slots.delete(slot);
            slots.flush();
            changes.record(profile);
        });
    }

    private static ValidSlot validSlot(SlotInput input) {
        FieldErrors errors = new FieldErrors();
        ValidSlot valid = SlotRules.validate(input, errors);
        errors.throwIfAny();
        return valid;
    }

    private static TimeSlotView overlapAsConflict(ValidSlot slot, Supplier<TimeSlotView> change) {
        try {
            return change.get();
        } catch (DataIntegrityViolationException e) {
            if (DatabaseErrors.violated(e, DatabaseErrors.EXCLUSION_VIOLATION, DatabaseErrors.SLOT_NO_OVERLAP)) {
                throw new ConflictException("The slot overlaps another of your time slots on " + slot.weekday() + ".");
            }
            throw e;
        }
    }

    // ---- time off ----

    @Transactional(readOnly = true)
    public Page<TimeOffView> timeOff(UUID doctorId, PageQuery page) {
        requireProfile(doctorId);
        return timeOff.findByDoctorIdOrderByDateFromAscIdAsc(doctorId,
                PageRequest.of(page.page() - 1, page.pageSize())).map(TimeOffView::of);
    }

    public TimeOffView addTimeOff(UUID doctorId, TimeOffInput input) {
        FieldErrors errors = new FieldErrors();
        ValidTimeOff valid = TimeOffRules.validate(input, errors);
        errors.throwIfAny();
        return transaction.execute(status -> {
            DoctorProfile profile = changes.lock(doctorId);
            TimeOff added = timeOff.saveAndFlush(new TimeOff(doctorId, valid, clock.instant()));
            changes.record(profile);
            return TimeOffView.of(added);
        });
    }

    public void deleteTimeOff(UUID doctorId, UUID timeOffId) {
        transaction.executeWithoutResult(status -> {
            DoctorProfile profile = changes.lock(doctorId);
            TimeOff existing = timeOff.findByIdAndDoctorId(timeOffId, doctorId)
                    .orElseThrow(() -> new ResourceNotFoundException("Time off"));
            timeOff.delete(existing);
            timeOff.flush();
            changes.record(profile);
        });
    }

    private void requireProfile(UUID doctorId) {
        if (!profiles.existsById(doctorId)) {
            throw DoctorChanges.noProfile();
        }
    }
}
