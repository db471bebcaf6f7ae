package org.careslot.doctor.profile;

import org.careslot.doctor.profile.domain.Specialization;
import org.careslot.doctor.profile.persistence.DoctorProfile;
import org.careslot.doctor.user.DoctorAccount;

import java.util.UUID;

/**
 * A doctor as clients and events see it: the profile joined with the doctor's account from identity.user.v1. Until
 * that account is known here, name and location are null and {@code isActive} is false (the doctor is not listed).
 *
 * @param consultationFee BDT, a decimal string with 2 places, e.g. "500.00"
 */
public record DoctorView(UUID id, String fullName, Specialization specialization, String licenseNumber,
                         int experienceYears, String consultationFee, String qualification, String bio,
                         Integer divisionId, Integer districtId, Integer thanaId, String timeZone, boolean isActive) {

    /** @param account the doctor's account, null while it is not known here */
    public static DoctorView of(DoctorProfile profile, DoctorAccount account) {
        return new DoctorView(profile.getId(), account == null ? null : account.fullName(),
                profile.getSpecialization(), profile.getLicenseNumber(), profile.getExperienceYears(),
                profile.getConsultationFee().setScale(2).toPlainString(), profile.getQualification(),
                profile.getBio(), account == null ? null : account.divisionId(),
                account == null ? null : account.districtId(), account == null ? null : account.thanaId(),
                profile.getTimeZone(), account != null && account.activeDoctor());
    }
}
