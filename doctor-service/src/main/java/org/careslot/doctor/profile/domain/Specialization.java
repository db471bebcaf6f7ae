package org.careslot.doctor.profile.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fixed list of specialities a doctor profile may name (api.md leaves the list to this service). Clients send and
 * receive the code (e.g. {@code GYNECOLOGY_OBSTETRICS}); the label is for display and for the {@code search} filter.
 * The database checks the same list (migration V1): adding a speciality is a migration plus an additive change of
 * docs/schemas/doctor.profile.v1/doctor.json.
 */
public enum Specialization {
    ANESTHESIOLOGY("Anesthesiology"),
    CARDIOLOGY("Cardiology"),
    DENTISTRY("Dentistry"),
    DERMATOLOGY("Dermatology"),
    ENDOCRINOLOGY("Endocrinology"),
    ENT("ENT (Ear, Nose and Throat)"),
    GASTROENTEROLOGY("Gastroenterology"),
    GENERAL_PRACTICE("General Practice"),
    GENERAL_SURGERY("General Surgery"),
    GYNECOLOGY_OBSTETRICS("Gynecology & Obstetrics"),
    HEMATOLOGY("Hematology"),
    MEDICINE("Medicine"),
    NEPHROLOGY("Nephrology"),
    NEUROLOGY("Neurology"),
    NEUROSURGERY("Neurosurgery"),
    ONCOLOGY("Oncology"),
    OPHTHALMOLOGY("Ophthalmology"),
    ORTHOPEDICS("Orthopedics"),
    PEDIATRICS("Pediatrics"),
    PHYSICAL_MEDICINE("Physical Medicine & Rehabilitation"),
    PSYCHIATRY("Psychiatry"),
    PULMONOLOGY("Pulmonology"),
    RADIOLOGY("Radiology"),
    RHEUMATOLOGY("Rheumatology"),
    UROLOGY("Urology");

    /** The codes as listed in the API documentation. */
    public static final String CODES = "ANESTHESIOLOGY, CARDIOLOGY, DENTISTRY, DERMATOLOGY, ENDOCRINOLOGY, ENT, "
            + "GASTROENTEROLOGY, GENERAL_PRACTICE, GENERAL_SURGERY, GYNECOLOGY_OBSTETRICS, HEMATOLOGY, MEDICINE, "
            + "NEPHROLOGY, NEUROLOGY, NEUROSURGERY, ONCOLOGY, OPHTHALMOLOGY, ORTHOPEDICS, PEDIATRICS, "
            + "PHYSICAL_MEDICINE, PSYCHIATRY, PULMONOLOGY, RADIOLOGY, RHEUMATOLOGY, UROLOGY";

    private final String label;

    Specialization(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The code, case-insensitively and ignoring surrounding blanks. */
    public static Optional<Specialization> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
    }

    /**
     * Specialities a free-text search term matches: a case-insensitive substring of the code (underscores count as
     * spaces too) or of the label, e.g. "cardio", "general practice", "obstetrics".
     */
    public static List<Specialization> matching(String term) {
        String needle = term.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(values()).filter(s -> {
            String code = s.name().toLowerCase(Locale.ROOT);
            return code.contains(needle) || code.replace('_', ' ').contains(needle)
                    || s.label.toLowerCase(Locale.ROOT).contains(needle);
        }).toList();
    }
}
