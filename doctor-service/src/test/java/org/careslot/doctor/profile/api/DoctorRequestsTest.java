package org.careslot.doctor.profile.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.careslot.doctor.profile.api.DoctorRequests.ProfileRequest;
import org.careslot.doctor.profile.api.DoctorRequests.SlotRequest;
import org.careslot.doctor.profile.api.DoctorRequests.TimeOffRequest;
import org.careslot.doctor.profile.domain.ProfileRules.ProfileInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The request records' Bean Validation constraints, with Hibernate Validator alone (no Spring). */
class DoctorRequestsTest {

    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    /** Failing member → its messages. */
    static Map<String, Set<String>> problems(Object request) {
        Map<String, Set<String>> problems = new TreeMap<>();
        for (ConstraintViolation<Object> violation : VALIDATOR.validate(request)) {
            problems.computeIfAbsent(violation.getPropertyPath().toString(), p -> new TreeSet<>())
                    .add(violation.getMessage());
        }
        return problems;
    }

    static ProfileRequest profile(String experience, String fee) {
        return new ProfileRequest("cardiology", " A-12345 ", experience, fee, "MBBS", null, null);
    }

    @Test
    void aValidProfileBecomesTheDomainInput() {
        ProfileRequest request = profile(" 12 ", "500.5");
        assertThat(problems(request)).isEmpty();
        assertThat(request.toInput()).isEqualTo(new ProfileInput("cardiology", " A-12345 ", 12,
                new BigDecimal("500.5"), "MBBS", null, null));
    }

    @Test
    void everyFailingProfileMemberIsNamed() {
        ProfileRequest request = new ProfileRequest("ASTROLOGY", "??", "71", "0", "", "x".repeat(4001),
                "Mars/Olympus");
        assertThat(problems(request)).containsOnlyKeys("specialization", "licenseNumber", "experienceYears",
                "consultationFee", "qualification", "bio", "timeZone");
        assertThat(problems(new ProfileRequest(null, null, null, null, null, null, null)))
                .containsOnlyKeys("specialization", "licenseNumber", "experienceYears", "consultationFee",
                        "qualification")
                .allSatisfy((member, messages) -> assertThat(messages).containsExactly("This field is required."));
        assertThat(problems(request).get("bio")).containsExactly("Must be at most 4000 characters.");
    }

    @ParameterizedTest
    @CsvSource({"0, true", "70, true", "'12', true", "-1, false", "71, false", "5.5, false", "five, false",
            "true, false", "'', false"})
    void experienceIsAWholeNumberFrom0To70(String experience, boolean ok) {
        assertThat(problems(profile(experience, "500")).containsKey("experienceYears")).as(experience).isEqualTo(!ok);
    }

    @ParameterizedTest
    @CsvSource({"500, true", "500.500, true", "0.01, true", "1000000, true", "0, false", "-10, false",
            "10.123, false", "1000000.01, false", "five hundred, false", "true, false", "'', false"})
    void feeIsAPositiveAmountWithTwoDecimals(String fee, boolean ok) {
        assertThat(problems(profile("10", fee)).containsKey("consultationFee")).as(fee).isEqualTo(!ok);
    }

    @Test
    void aFeeReportsEachRuleItBreaks() {
        assertThat(problems(profile("10", "-0.001")).get("consultationFee"))
                .containsExactlyInAnyOrder("Must be greater than 0.", "Must have at most 2 decimal places.");
    }

    @ParameterizedTest
    @CsvSource({"00:00, true", "23:59, true", "' 09:30 ', true", "9:00, false", "24:00, false", "12:60, false",
            "noon, false"})
    void slotTimesAreHhMm(String time, boolean ok) {
        Map<String, Set<String>> problems = problems(new SlotRequest("MONDAY", time, "23:59", null));
        assertThat(problems.containsKey("startTime")).as(time).isEqualTo(!ok);
        if (!ok) {
            assertThat(problems.get("startTime")).containsExactly("Must be a time HH:MM (00:00 to 23:59).");
        }
    }

    @Test
    void slotMembersAreCheckedOneByOne() {
        assertThat(problems(new SlotRequest("friday", "09:00", "12:00", "15"))).isEmpty();
        assertThat(problems(new SlotRequest("1", "09:00", "12:00", "half an hour")))
                .containsOnlyKeys("weekday", "slotMinutes");
        assertThat(problems(new SlotRequest("MONDAY", "09:00", "12:00", "4")).get("slotMinutes"))
                .containsExactly("Must be between 5 and 240.");
        assertThat(problems(new SlotRequest(null, " ", null, null)))
                .containsOnlyKeys("weekday", "startTime", "endTime");
        // across members (end after start, the appointment grid) is the domain's: SlotRules
        assertThat(problems(new SlotRequest("MONDAY", "12:00", "09:00", "30"))).isEmpty();
        assertThat(new SlotRequest("MONDAY", "09:00", "12:00", null).toInput().slotMinutes()).isNull();
    }

    @Test
    void timeOffDatesExist() {
        assertThat(problems(new TimeOffRequest("2030-05-10", null, "Leave"))).isEmpty();
        assertThat(problems(new TimeOffRequest("2030-05-10", "", "Leave"))).isEmpty();
        assertThat(problems(new TimeOffRequest("10.05.2030", "2030-02-30", "x".repeat(501))))
                .containsOnlyKeys("dateFrom", "dateTo", "reason");
        assertThat(problems(new TimeOffRequest(null, null, "  "))).containsOnlyKeys("dateFrom", "reason");
    }
}
