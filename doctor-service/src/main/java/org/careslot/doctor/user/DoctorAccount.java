package org.careslot.doctor.user;

import java.util.UUID;

/**
 * A doctor's account as last published on identity.user.v1: what a doctor's representation shows of it.
 *
 * @param activeDoctor listed in search and bookable: an active account with the DOCTOR role
 */
public record DoctorAccount(UUID id, String fullName, Integer divisionId, Integer districtId, Integer thanaId,
                            boolean activeDoctor) {
}
