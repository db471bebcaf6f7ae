package org.careslot.doctor.profile;

import org.careslot.doctor.profile.domain.ProfileRules;
import org.careslot.doctor.profile.domain.ProfileRules.ProfileInput;
import org.careslot.doctor.profile.domain.ProfileRules.ValidProfile;
import org.careslot.doctor.profile.domain.SlotRules;
import org.careslot.doctor.profile.domain.SlotRules.SlotInput;
import org.careslot.doctor.profile.domain.SlotRules.ValidSlot;
import org.careslot.doctor.profile.domain.Specialization;
import org.careslot.doctor.profile.domain.TimeOffRules;
import org.careslot.doctor.profile.domain.TimeOffRules.TimeOffInput;
import org.careslot.doctor.profile.domain.TimeOffRules.ValidTimeOff;
import org.careslot.doctor.search.SearchCriteria;
import org.careslot.platform.web.problem.FieldErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain domain rules, without Spring. */
class DoctorRulesTest {

    static ProfileInput valid() {
        return new ProfileInput("cardiology", " A-12345 ", 12, new BigDecimal("500"), " MBBS ", null, null);
    }

    @Test
    void aValidProfileIsNormalised() {
        FieldErrors errors = new FieldErrors();
        ValidProfile profile = ProfileRules.validate(valid(), errors);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(profile.specialization()).isEqualTo(Specialization.CARDIOLOGY);
        assertThat(profile.licenseNumber()).isEqualTo("A-12345");
        assertThat(profile.consultationFee().toPlainString()).isEqualTo("500.00");
        assertThat(profile.qualification()).isEqualTo("MBBS");
        assertThat(profile.timeZone()).isEqualTo(ZoneId.of("Asia/Dhaka"));
    }

    @Test
    void reportsEveryProfileFieldAtOnce() {
        FieldErrors errors = new FieldErrors();
        ProfileInput input = new ProfileInput("ASTROLOGY", "no  spaces twice", 71, new BigDecimal("0"), " ",
                "x".repeat(4001), "Mars/Olympus");
        assertThat(ProfileRules.validate(input, errors)).isNull();
        assertThat(errors.asMap()).containsOnlyKeys("specialization", "license_number", "experience_years",
                "consultation_fee", "qualification", "bio", "time_zone");
    }

    @Test
    void requiresTheMandatoryFields() {
        FieldErrors errors = new FieldErrors();
        ProfileRules.validate(new ProfileInput(null, null, null, null, null, null, null), errors);
        assertThat(errors.asMap()).containsOnlyKeys("specialization", "license_number", "experience_years",
                "consultation_fee", "qualification");
        assertThat(errors.asMap().get("specialization")).containsExactly("This field is required.");
    }

    @ParameterizedTest
    @CsvSource({"0.01, true", "500, true", "500.5, true", "500.50, true", "500.500, true", "1000000, true",
            "0, false", "-5, false", "10.123, false", "1000000.01, false"})
    void consultationFeeIsPositiveWithAtMostTwoDecimals(String fee, boolean ok) {
        FieldErrors errors = new FieldErrors();
        ProfileInput input = valid();
        ProfileRules.validate(new ProfileInput(input.specialization(), input.licenseNumber(), input.experienceYears(),
                new BigDecimal(fee), input.qualification(), input.bio(), input.timeZone()), errors);
        assertThat(errors.has("consultation_fee")).as(fee).isEqualTo(!ok);
    }

    @ParameterizedTest
    @CsvSource({"0, true", "70, true", "-1, false", "71, false"})
    void experienceIsBetween0And70(int years, boolean ok) {
        FieldErrors errors = new FieldErrors();
        ProfileInput input = valid();
        ProfileRules.validate(new ProfileInput(input.specialization(), input.licenseNumber(), years,
                input.consultationFee(), input.qualification(), input.bio(), input.timeZone()), errors);
        assertThat(errors.has("experience_years")).isEqualTo(!ok);
    }

    @ParameterizedTest
    @CsvSource({"Asia/Dhaka, true", "Europe/London, true", "UTC, true", "+06:00, false", "Asia/Atlantis, false"})
    void timeZoneIsAnIanaZone(String zone, boolean ok) {
        FieldErrors errors = new FieldErrors();
        ProfileInput input = valid();
        ProfileRules.validate(new ProfileInput(input.specialization(), input.licenseNumber(), input.experienceYears(),
                input.consultationFee(), input.qualification(), input.bio(), zone), errors);
        assertThat(errors.has("time_zone")).isEqualTo(!ok);
    }

    @ParameterizedTest
    @CsvSource({"A-12345, true", "BMDC 12345/2020, true", "12.34, true", "-123, false", "A--1, false",
            "A_1, false"})
    void licenseNumberShape(String license, boolean ok) {
        FieldErrors errors = new FieldErrors();
        ProfileInput input = valid();
        ProfileRules.validate(new ProfileInput(input.specialization(), license, input.experienceYears(),
                input.consultationFee(), input.qualification(), input.bio(), input.timeZone()), errors);
        assertThat(errors.has("license_number")).as(license).isEqualTo(!ok);
    }

    @Test
    void aSlotIsAWholeNumberOfAppointments() {
        FieldErrors errors = new FieldErrors();
        ValidSlot slot = SlotRules.validate(new SlotInput("monday", "09:00", "12:00", null), errors);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(slot).isEqualTo(new ValidSlot(DayOfWeek.MONDAY, 540, 720, 30));

        assertThat(slotErrors("MONDAY", "09:00", "12:45", 30)).containsOnlyKeys("slot_minutes");
        assertThat(slotErrors("MONDAY", "09:00", "09:20", 30)).containsOnlyKeys("slot_minutes");
        assertThat(slotErrors("MONDAY", "09:00", "13:00", 240)).isEmpty();
        assertThat(slotErrors("MONDAY", "09:00", "09:05", 5)).isEmpty();
        assertThat(slotErrors("MONDAY", "09:00", "12:00", 4)).containsOnlyKeys("slot_minutes");
        assertThat(slotErrors("MONDAY", "08:00", "14:00", 241)).containsOnlyKeys("slot_minutes");
    }

    @Test
    void slotTimesAreHhMmAndStartBeforeEnd() {
        assertThat(slotErrors("FUNDAY", "9:00", "24:00", 30)).containsOnlyKeys("weekday", "start_time", "end_time");
        assertThat(slotErrors("MONDAY", "12:00", "12:00", 30)).containsOnlyKeys("end_time");
        assertThat(slotErrors("MONDAY", "13:00", "12:00", 30)).containsOnlyKeys("end_time");
        assertThat(slotErrors(null, null, null, null)).containsOnlyKeys("weekday", "start_time", "end_time");
        assertThat(slotErrors("SUNDAY", "00:00", "23:55", 5)).isEmpty();
        assertThat(SlotRules.format(545)).isEqualTo("09:05");
    }

    static Map<String, ?> slotErrors(String weekday, String start, String end, Integer minutes) {
        FieldErrors errors = new FieldErrors();
        SlotRules.validate(new SlotInput(weekday, start, end, minutes), errors);
        return errors.asMap();
    }

    @Test
    void timeOffDefaultsToOneDayAndNeedsAReason() {
        FieldErrors errors = new FieldErrors();
        ValidTimeOff one = TimeOffRules.validate(new TimeOffInput("2026-12-24", null, "Conference"), errors);
        assertThat(one.dateTo()).isEqualTo(LocalDate.parse("2026-12-24"));

        errors = new FieldErrors();
        TimeOffRules.validate(new TimeOffInput("2026-12-24", "2026-12-23", " "), errors);
        assertThat(errors.asMap()).containsOnlyKeys("date_to", "reason");

        errors = new FieldErrors();
        TimeOffRules.validate(new TimeOffInput("24.12.2026", "2026-02-30", "x".repeat(501)), errors);
        assertThat(errors.asMap()).containsOnlyKeys("date_from", "date_to", "reason");
    }

    @Test
    void searchTermsMatchSpecialityCodesAndLabels() {
        assertThat(Specialization.matching("cardio")).containsExactly(Specialization.CARDIOLOGY);
        assertThat(Specialization.matching("General Practice")).containsExactly(Specialization.GENERAL_PRACTICE);
        assertThat(Specialization.matching("obstetrics")).containsExactly(Specialization.GYNECOLOGY_OBSTETRICS);
        assertThat(Specialization.matching("rahman")).isEmpty();
    }

    @Test
    void searchParametersAreCheckedTogether() {
        Map<String, String> raw = new HashMap<>();
        raw.put("specialization", "ASTROLOGY");
        raw.put("division_id", "abc");
        raw.put("district_id", "0");
        raw.put("thana_id", "-2");
        raw.put("min_fee", "100");
        raw.put("max_fee", "50");
        raw.put("min_experience", "-1");
        raw.put("available_on", "2026-02-30");
        raw.put("ordering", "name");
        FieldErrors errors = new FieldErrors();
        SearchCriteria.parse(raw, errors);
        assertThat(errors.asMap()).containsOnlyKeys("specialization", "division_id", "district_id", "thana_id",
                "max_fee", "min_experience", "available_on", "ordering");

        errors = new FieldErrors();
        SearchCriteria criteria = SearchCriteria.parse(Map.of("ordering", "-consultation_fee", "min_fee", "99.5",
                "available_on", "2026-12-07", "search", " Cardio "), errors);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(criteria.ordering()).isEqualTo(SearchCriteria.Ordering.CONSULTATION_FEE_DESC);
        assertThat(criteria.search()).isEqualTo("Cardio");
        assertThat(criteria.searchSpecializations()).containsExactly(Specialization.CARDIOLOGY);
    }
}
