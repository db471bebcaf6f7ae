package org.careslot.identity.user.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.careslot.identity.user.domain.BangladeshPhone;
import org.careslot.identity.user.domain.ProfileChange;
import org.careslot.identity.user.domain.ProfileFields;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code PATCH /api/v1/user/me/}: every member optional, a member sent as null clears it. A class rather
 * than a record because a PATCH must tell "absent" from "null": Jackson calls a setter only for members the client
 * sent. {@code id}, {@code email}, {@code role}, {@code is_active} and unknown members have no setter and are
 * ignored (mass assignment is impossible by construction). The getters are for the OpenAPI schema, whose generator
 * only applies the snake_case naming to readable properties.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "ProfileChange", description = "Only the members sent are changed; null clears an optional member.")
final class ProfileChangeRequest {

    private final Set<String> present = new HashSet<>();

    @Size(max = ProfileFields.MAX_NAME, message = ProfileFields.INVALID_NAME)
    @Pattern(regexp = "(?s).*\\S.*", message = ProfileFields.INVALID_NAME)
    @Pattern(regexp = ProfileFields.PERSON_NAME, message = ProfileFields.INVALID_NAME_CHARACTERS)
    private String fullName;
    @BangladeshPhone
    @Schema(pattern = BangladeshPhone.PATTERN, example = "+8801712345678")
    private String phone;
    @Positive(message = ProfileFields.NOT_POSITIVE)
    private Integer divisionId;
    @Positive(message = ProfileFields.NOT_POSITIVE)
    private Integer districtId;
    @Positive(message = ProfileFields.NOT_POSITIVE)
    private Integer thanaId;
    private LocalDate dateOfBirth;
    @Pattern(regexp = ProfileFields.GENDER, message = ProfileFields.INVALID_GENDER)
    private String gender;
    @Pattern(regexp = ProfileFields.BLOOD_GROUP, message = ProfileFields.INVALID_BLOOD_GROUP)
    private String bloodGroup;
    @Size(max = ProfileFields.MAX_TEXT, message = ProfileFields.TOO_LONG_TEXT)
    private String emergencyContact;
    @Size(max = ProfileFields.MAX_TEXT, message = ProfileFields.TOO_LONG_TEXT)
    private String medicalHistory;
    @ArraySchema(schema = @Schema(allowableValues = {"EMAIL", "SMS"}), minItems = 1, uniqueItems = true)
    private List<String> notificationChannels;

    public void setFullName(String fullName) {
        this.fullName = fullName == null ? null : fullName.strip();
        present.add("full_name");
    }

    public void setPhone(String phone) {
        this.phone = phone;
        present.add("phone");
    }

    public void setDivisionId(Integer divisionId) {
        this.divisionId = divisionId;
        present.add("division_id");
    }

    public void setDistrictId(Integer districtId) {
        this.districtId = districtId;
        present.add("district_id");
    }

    public void setThanaId(Integer thanaId) {
        this.thanaId = thanaId;
        present.add("thana_id");
    }

    public void setDateOfBirth(LocalDate dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
        present.add("date_of_birth");
    }

    public void setGender(String gender) {
        this.gender = gender;
        present.add("gender");
    }

    public void setBloodGroup(String bloodGroup) {
        this.bloodGroup = bloodGroup;
        present.add("blood_group");
    }

    public void setEmergencyContact(String emergencyContact) {
        this.emergencyContact = emergencyContact;
        present.add("emergency_contact");
    }

    public void setMedicalHistory(String medicalHistory) {
        this.medicalHistory = medicalHistory;
        present.add("medical_history");
    }

    /**
     * Read as any JSON value, so that a wrong shape (a string, an object, an array of numbers) is reported on
     * {@code notification_channels} itself by the profile rules, not as a body Jackson could not read.
     */
    public void setNotificationChannels(Object channels) {
        if (channels == null) {
            this.notificationChannels = null;
        } else if (channels instanceof List<?> list) {
            List<String> values = new ArrayList<>();
            list.forEach(value -> values.add(value instanceof String text ? text : null));
            this.notificationChannels = values;
        } else {
            this.notificationChannels = Collections.singletonList(null);
        }
        present.add("notification_channels");
    }

    public List<String> getNotificationChannels() {
        return notificationChannels;
    }

    public String getFullName() {
        return fullName;
    }

    public String getPhone() {
        return phone;
    }

    public Integer getDivisionId() {
        return divisionId;
    }

    public Integer getDistrictId() {
        return districtId;
    }

    public Integer getThanaId() {
        return thanaId;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public String getGender() {
        return gender;
    }

    public String getBloodGroup() {
        return bloodGroup;
    }

    public String getEmergencyContact() {
        return emergencyContact;
    }

    public String getMedicalHistory() {
        return medicalHistory;
    }

    ProfileChange toChange() {
        return new ProfileChange(present, fullName, phone, divisionId, districtId, thanaId, dateOfBirth, gender,
                bloodGroup, emergencyContact, medicalHistory, notificationChannels);
    }
}
