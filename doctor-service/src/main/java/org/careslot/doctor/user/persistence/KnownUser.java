package org.careslot.doctor.user.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Row of {@code known_user}: a doctor's account as last published on identity.user.v1. */
@Entity
@Table(name = "known_user")
public class KnownUser implements Persistable<UUID> {

    public static final String DOCTOR = "DOCTOR";

    @Id
    private UUID id;
    private String fullName;
    private String role;
    private Integer divisionId;
    private Integer districtId;
    private Integer thanaId;
    @Column(name = "is_active")
    private boolean active;
    /** The user's version ({@code sequence}) of the event this row reflects. */
    private long sequence;
    private Instant updatedAt;
    @Transient
    private boolean isNew;

    protected KnownUser() {
    }

    public KnownUser(UUID id, long sequence, Instant now) {
        this.id = id;
        this.sequence = sequence;
        this.updatedAt = now;
        this.isNew = true;
    }

    /**
     * Takes over the state of a newer event.
     *
     * @return whether anything a doctor's representation shows changed (name, location, active flag, role)
     */
    public boolean update(String fullName, String role, Integer divisionId, Integer districtId, Integer thanaId,
                          boolean active, long sequence, Instant now) {
        boolean visibleChange = isNew || !Objects.equals(this.fullName, fullName) || !Objects.equals(this.role, role)
                || !Objects.equals(this.divisionId, divisionId) || !Objects.equals(this.districtId, districtId)
                || !Objects.equals(this.thanaId, thanaId) || this.active != active;
        this.fullName = fullName;
        this.role = role;
        this.divisionId = divisionId;
        this.districtId = districtId;
        this.thanaId = thanaId;
        this.active = active;
        this.sequence = sequence;
        this.updatedAt = now;
        return visibleChange;
    }

    /** Listed in search and bookable: an active account with the DOCTOR role. */
    public boolean isActiveDoctor() {
        return active && DOCTOR.equals(role);
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
    public String getFullName() { return fullName; }
    public String getRole() { return role; }
    public Integer getDivisionId() { return divisionId; }
    public Integer getDistrictId() { return districtId; }
    public Integer getThanaId() { return thanaId; }
    public boolean isActive() { return active; }
    public long getSequence() { return sequence; }
    public Instant getUpdatedAt() { return updatedAt; }
}
