package org.careslot.doctor.profile;

import java.util.UUID;

/**
 * The doctor representation of api.md, answered by the profile endpoints and by the public search alike.
 * {@code consultation_fee} is BDT as a decimal string with 2 places; {@code full_name}, the location ids and
 * {@code is_active} come from the doctor's account (identity.user.v1): null/false until that account is known here.
 */
public record DoctorResponse(UUID id, String fullName, String specialization, String licenseNumber,
                             int experienceYears, String consultationFee, String qualification, String bio,
                             Integer divisionId, Integer districtId, Integer thanaId, String timeZone,
                             boolean isActive) {

    public static DoctorResponse of(DoctorView doctor) {
        return new DoctorResponse(doctor.id(), doctor.fullName(), doctor.specialization().name(),
                doctor.licenseNumber(), doctor.experienceYears(), doctor.consultationFee(),
                doctor.qualification(), doctor.bio(), doctor.divisionId(), doctor.districtId(),
                doctor.thanaId(), doctor.timeZone(), doctor.isActive());
    }
}
