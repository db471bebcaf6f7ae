package org.careslot.identity.user.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.careslot.identity.user.domain.ProfileFields;
import org.careslot.identity.user.domain.Role;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.careslot.identity.user.domain.UserProfile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Row of {@code app_user}. Never leaves the service as is: controllers map it to response records. */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    private UUID id;
    private String email;
    private String fullName;
    private String phone;
    @Enumerated(EnumType.STRING)
    private Role role;
    private Integer divisionId;
    private Integer districtId;
    private Integer thanaId;
    private LocalDate dateOfBirth;
    private String gender;
    private String bloodGroup;
    private String emergencyContact;
    private String medicalHistory;
    /** EMAIL and/or SMS: how the user is told about appointments (column text[]). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] notificationChannels;
    @Column(name = "is_active")
    private boolean active;
    /** Incremented by hand on every change: it is the {@code sequence} of the user's events. */
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected UserAccount() {
    }

    public UserAccount(UUID id, String email, String fullName, String phone, Role role, Instant now) {
        this.id = id;
        this.email = email;
        this.fullName = fullName;
        this.phone = phone;
        this.role = role;
        this.notificationChannels = ProfileFields.DEFAULT_NOTIFICATION_CHANNELS.toArray(String[]::new);
        this.active = true;
        this.version = 1;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The profile as the service's callers see it. */
    public UserProfile toProfile() {
        return new UserProfile(id, email, fullName, phone, role, divisionId, districtId, thanaId, dateOfBirth, gender,
                bloodGroup, emergencyContact, medicalHistory, getNotificationChannels(), active, createdAt, updatedAt);
    }

    /** Records a change: the next event sequence and the time of the change. */
    public void touch(Instant now) {
        version++;
        updatedAt = now;
    }

    public UUID getId() { return id; }
    public String getEmail() { return email; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public Role getRole() { return role; }
    public Integer getDivisionId() { return divisionId; }
    public Integer getDistrictId() { return districtId; }
    public Integer getThanaId() { return thanaId; }
    public void setLocation(Integer divisionId, Integer districtId, Integer thanaId) {
        this.divisionId = divisionId;
        this.districtId = districtId;
        this.thanaId = thanaId;
    }
    public LocalDate getDateOfBirth() { return dateOfBirth; }
    public void setDateOfBirth(LocalDate dateOfBirth) { this.dateOfBirth = dateOfBirth; }
    public String getGender() { return gender; }
    public void setGender(String gender) { this.gender = gender; }
    public String getBloodGroup() { return bloodGroup; }
    public void setBloodGroup(String bloodGroup) { this.bloodGroup = bloodGroup; }
    public String getEmergencyContact() { return emergencyContact; }
    public void setEmergencyContact(String emergencyContact) { this.emergencyContact = emergencyContact; }
    public String getMedicalHistory() { return medicalHistory; }
    public void setMedicalHistory(String medicalHistory) { this.medicalHistory = medicalHistory; }
    public List<String> getNotificationChannels() { return List.of(notificationChannels); }
    public void setNotificationChannels(List<String> channels) {
        this.notificationChannels = channels.toArray(String[]::new);
    }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
