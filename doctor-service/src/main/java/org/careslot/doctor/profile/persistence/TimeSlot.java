package org.careslot.doctor.profile.persistence;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.careslot.doctor.profile.domain.SlotRules.ValidSlot;
import org.springframework.data.domain.Persistable;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code time_slot}: one weekly availability window. */
@Entity
@Table(name = "time_slot")
public class TimeSlot implements Persistable<UUID> {

    @Id
    private UUID id;
    private UUID doctorId;
    @Convert(converter = WeekdayConverter.class)
    private DayOfWeek weekday;
    private int startMinute;
    private int endMinute;
    private int slotMinutes;
    private Instant createdAt;
    @Transient
    private boolean isNew;

    protected TimeSlot() {
    }

    public TimeSlot(UUID doctorId, ValidSlot slot, Instant now) {
        this.id = UUID.randomUUID();
        this.doctorId = doctorId;
        this.createdAt = now;
        this.isNew = true;
        apply(slot);
    }

    public void apply(ValidSlot slot) {
        this.weekday = slot.weekday();
        this.startMinute = slot.startMinute();
        this.endMinute = slot.endMinute();
        this.slotMinutes = slot.slotMinutes();
    }

    @PostLoad
    @PostPersist
    void markNotNew() {
        isNew = false;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @Override
    public UUID getId() { return id; }
    public UUID getDoctorId() { return doctorId; }
    public DayOfWeek getWeekday() { return weekday; }
    public int getStartMinute() { return startMinute; }
    public int getEndMinute() { return endMinute; }
    public int getSlotMinutes() { return slotMinutes; }
    public Instant getCreatedAt() { return createdAt; }
}
