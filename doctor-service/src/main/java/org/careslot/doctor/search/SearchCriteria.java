package org.careslot.doctor.search;

import org.careslot.doctor.profile.domain.Specialization;
import org.careslot.doctor.profile.domain.TimeOffRules;
import org.careslot.platform.web.problem.FieldErrors;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The filters of {@code GET /api/v1/doctors/}, parsed from the raw query values so that every bad value is named by
 * its parameter in one 400. Absent or empty parameters do not filter. Plain Java.
 *
 * @param search             trimmed free text, null = none
 * @param searchSpecializations specialities whose code or label contains {@code search}
 */
public record SearchCriteria(Specialization specialization, Integer divisionId, Integer districtId, Integer thanaId,
                             BigDecimal minFee, BigDecimal maxFee, Integer minExperience, LocalDate availableOn,
                             String search, List<Specialization> searchSpecializations, Ordering ordering) {

    public static final int MAX_SEARCH = 100;

    /** The orderings a client may ask for; each ends with full name and id, so pages are stable. */
    public enum Ordering {
        FULL_NAME("full_name"),
        CONSULTATION_FEE("consultation_fee"),
        CONSULTATION_FEE_DESC("-consultation_fee"),
        EXPERIENCE_YEARS("experience_years"),
        EXPERIENCE_YEARS_DESC("-experience_years");

        private final String parameter;

        Ordering(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        static Ordering parse(String value) {
            return Arrays.stream(values()).filter(o -> o.parameter.equals(value)).findFirst().orElse(null);
        }
    }

    /** No filter at all, ordered by name. */
    public static SearchCriteria none() {
        return new SearchCriteria(null, null, null, null, null, null, null, null, null, List.of(), Ordering.FULL_NAME);
    }

    /**
     * @param raw query parameter → value (null or blank = absent)
     * @param errors collects a message per bad parameter
     */
    public static SearchCriteria parse(Map<String, String> raw, FieldErrors errors) {
        Specialization specialization = null;
        String specializationValue = value(raw, "specialization");
        if (specializationValue != null) {
            specialization = Specialization.parse(specializationValue).orElse(null);
            if (specialization == null) {
                errors.reject("specialization", "Must be one of " + Specialization.CODES + ".");
            }
        }
        Integer division = positiveInt(raw, "division_id", errors);
        Integer district = positiveInt(raw, "district_id", errors);
        Integer thana = positiveInt(raw, "thana_id", errors);
        BigDecimal minFee = amount(raw, "min_fee", errors);
        BigDecimal maxFee = amount(raw, "max_fee", errors);
        if (minFee != null && maxFee != null && minFee.compareTo(maxFee) > 0) {
            errors.reject("max_fee", "Must not be less than min_fee.");
        }
        Integer minExperience = nonNegativeInt(raw, "min_experience", errors);
        LocalDate availableOn = TimeOffRules.date("available_on", value(raw, "available_on"), false, errors);
        String search = value(raw, "search");
        if (search != null && search.length() > MAX_SEARCH) {
            errors.reject("search", "Must be at most " + MAX_SEARCH + " characters.");
        }
        Ordering ordering = Ordering.FULL_NAME;
        String orderingValue = value(raw, "ordering");
        if (orderingValue != null) {
            ordering = Ordering.parse(orderingValue);
            if (ordering == null) {
                errors.reject("ordering", "Must be one of full_name, consultation_fee, -consultation_fee, "
                        + "experience_years, -experience_years.");
            }
        }
        return new SearchCriteria(specialization, division, district, thana, minFee, maxFee, minExperience,
                availableOn, search, search == null ? List.of() : Specialization.matching(search), ordering);
    }

    private static String value(Map<String, String> raw, String name) {
        String value = raw.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer positiveInt(Map<String, String> raw, String name, FieldErrors errors) {
        Integer value = integer(raw, name, errors);
        if (value != null && value < 1) {
            errors.reject(name, "Must be a positive integer.");
            return null;
        }
        return value;
    }

    private static Integer nonNegativeInt(Map<String, String> raw, String name, FieldErrors errors) {
        Integer value = integer(raw, name, errors);
        if (value != null && value < 0) {
            errors.reject(name, "Must be 0 or greater.");
            return null;
        }
        return value;
    }

    private static Integer integer(Map<String, String> raw, String name, FieldErrors errors) {
        String value = value(raw, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.reject(name, "Must be an integer.");
            return null;
        }
    }

    private static BigDecimal amount(Map<String, String> raw, String name, FieldErrors errors) {
        String value = value(raw, name);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() < 0) {
                errors.reject(name, "Must be 0 or greater.");
                return null;
            }
            if (amount.compareTo(new BigDecimal("1000000000")) > 0) {
                errors.reject(name, "Is too large.");
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            errors.reject(name, "Must be a decimal amount such as 500 or 500.00.");
            return null;
        }
    }
}
