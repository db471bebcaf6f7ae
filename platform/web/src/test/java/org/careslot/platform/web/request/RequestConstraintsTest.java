package org.careslot.platform.web.request;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.careslot.platform.web.problem.FieldMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The format constraints read exactly what {@link WireFormats} reads, and speak the platform's wording. */
class RequestConstraintsTest {

    record Booking(@NotBlank @CanonicalUuid String doctorId, @NotBlank @IsoDate String date,
                   @NotBlank @ClockTime String startTime, @CanonicalUuid String patientId,
                   @IsoDate String dateFrom, @ClockTime String endTime,
                   @Size(max = 10, message = FieldMessages.AT_MOST_TEMPLATE) String notes) {
    }

    static ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    Map<String, String> problems(Booking booking) {
        Map<String, String> problems = new TreeMap<>();
        for (ConstraintViolation<Booking> violation : validator.validate(booking)) {
            problems.merge(violation.getPropertyPath().toString(), violation.getMessage(), (a, b) -> a + " | " + b);
        }
        return problems;
    }

    @Test
    void theContractsFormatsPassAndReadAsTyped() {
        UUID id = UUID.randomUUID();
        assertThat(problems(new Booking(id.toString(), "2030-02-28", "09:05", " " + id.toString().toUpperCase() + " ",
                null, "", "hello"))).isEmpty();
        assertThat(WireFormats.uuid(" " + id.toString().toUpperCase())).contains(id);
        assertThat(WireFormats.date("2030-02-28 ")).contains(LocalDate.of(2030, 2, 28));
        assertThat(WireFormats.time("23:59")).contains(LocalTime.of(23, 59));
        assertThat(WireFormats.text("  hello ")).isEqualTo("hello");
        assertThat(WireFormats.text("   ")).isNull();
        assertThat(WireFormats.text(null)).isNull();
    }

    @Test
    void everyMalformedFieldIsNamedAtOnceInThePlatformsWording() {
        Map<String, String> problems = problems(new Booking("abc", "2030-02-30", "9:00", "1-1-1-1-1",
                "30.01.2030", "24:00", "x".repeat(11)));

        assertThat(problems).containsExactlyInAnyOrderEntriesOf(Map.of(
                "doctorId", FieldMessages.UUID,
                "patientId", FieldMessages.UUID,
                "date", FieldMessages.DATE,
                "dateFrom", FieldMessages.DATE,
                "startTime", FieldMessages.TIME,
                "endTime", FieldMessages.TIME,
                "notes", FieldMessages.atMost(10)));
        assertThat(WireFormats.uuid("1-1-1-1-1")).as("not canonical").isEmpty();
        assertThat(WireFormats.date("2030-02-30")).isEmpty();
        assertThat(WireFormats.time("24:00")).isEmpty();
    }

    @Test
    void requiredMeansPresentAndNotBlank() {
        assertThat(problems(new Booking(null, " ", "", null, null, null, null))).containsExactlyInAnyOrderEntriesOf(
                Map.of("doctorId", FieldMessages.REQUIRED, "date", FieldMessages.REQUIRED,
                        "startTime", FieldMessages.REQUIRED));
    }
}
