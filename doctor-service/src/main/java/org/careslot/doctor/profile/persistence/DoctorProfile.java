package org.careslot.doctor.profile.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.careslot.doctor.profile.domain.ProfileRules.ValidProfile;
import org.careslot.doctor.profile.domain.Specialization;
import org.springframework.data.domain.Persistable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code doctor_profile}, the root of a doctor's aggregate. Controllers map it to response records. */
@Entity
@Table(name = "doctor_profile")
public class DoctorProfile implements Persistable<UUID> {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private Specialization specialization;
    private String licenseNumber;
    private int experienceYears;
    private BigDecimal consultationFee;
    private String qualification;
    private String bio;
    private String timeZone;
    /** Incremented by hand on every change of the doctor: it is the {@code sequence} of the doctor's events. */
    private long version;
    private Instant createdAt;
    private Instant updatedAt;
    @Transient
    private boolean isNew;

    protected DoctorProfile() {
    }

    public DoctorProfile(UUID id, ValidProfile profile, Instant now) {
        this.id = id;
        this.version = 1;
        this.createdAt = now;
        this.updatedAt = now;
        this.isNew = true;
        apply(profile);
    }

    /** Replaces every writable field (PUT semantics); call {@link #touch(Instant)} as well. */
    public void apply(ValidProfile profile) {
        this.specialization = profile.specialization();
        this.licenseNumber = profile.licenseNumber();
        this.experienceYears = profile.experienceYears();
        this.consultationFee = profile.consultationFee();
        this.qualification = profile.qualification();
        this.bio = profile.bio();
        this.timeZone = profile.timeZone().getId();
    }

    /** Records a change of the doctor (profile, schedule, time off or user data): the next event sequence. */
    public void touch(Instant now) {
        version++;
        updatedAt = now;
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
    public Specialization getSpecialization() { return specialization; }
    public String getLicenseNumber() { return licenseNumber; }
    public int getExperienceYears() { return experienceYears; }
    public BigDecimal getConsultationFee() { return consultationFee; }
    public String getQualification() { return qualification; }
    public String getBio() { return bio; }
    public String getTimeZone() { return timeZone; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
