package org.careslot.doctor.profile.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.careslot.doctor.profile.domain.TimeOffRules.ValidTimeOff;
import org.springframework.data.domain.Persistable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Row of {@code time_off}: whole days without availability. */
@Entity
@Table(name = "time_off")
public class TimeOff implements Persistable<UUID> {

    @Id
    private UUID id;
    private UUID doctorId;
    private LocalDate dateFrom;
    private LocalDate dateTo;
    private String reason;
    private Instant createdAt;
    @Transient
    private boolean isNew;

    protected TimeOff() {
    }

    public TimeOff(UUID doctorId, ValidTimeOff timeOff, Instant now) {
        this.id = UUID.randomUUID();
        this.doctorId = doctorId;
        this.dateFrom = timeOff.dateFrom();
        this.dateTo = timeOff.dateTo();
        this.reason = timeOff.reason();
        this.createdAt = now;
        this.isNew = true;
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
    public LocalDate getDateFrom() { return dateFrom; }
    public LocalDate getDateTo() { return dateTo; }
    public String getReason() { return reason; }
    public Instant getCreatedAt() { return createdAt; }
}
