package org.careslot.booking.support;

import org.careslot.platform.web.problem.InvalidFieldsException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldErrorsTest {

    @Test
    void parsesTheContractsFormatsAndNamesEveryBadField() {
        FieldErrors errors = new FieldErrors();
        UUID id = UUID.randomUUID();
        assertThat(errors.uuid("doctor_id", id.toString(), true)).isEqualTo(id);
        assertThat(errors.date("date", "2030-02-28", true)).isEqualTo(LocalDate.of(2030, 2, 28));
        assertThat(errors.time("start_time", "09:05", true)).isEqualTo(LocalTime.of(9, 5));
        assertThat(errors.text("notes", "  hello ", 10)).isEqualTo("hello");
        assertThat(errors.text("notes", "   ", 10)).isNull();
        assertThat(errors.isValid()).isTrue();

        assertThat(errors.uuid("doctor_id", "abc", true)).isNull();
        assertThat(errors.uuid("patient_id", "1-1-1-1-1", true)).as("not canonical").isNull();
        assertThat(errors.date("date", "2030-02-30", true)).isNull();
        assertThat(errors.date("date_from", "30.01.2030", true)).isNull();
        assertThat(errors.time("start_time", "9:00", true)).isNull();
        assertThat(errors.time("end_time", "24:00", true)).isNull();
        assertThat(errors.text("symptoms", "x".repeat(11), 10)).isNull();
        assertThat(errors.date("date_to", null, true)).isNull();
        assertThat(errors.date("optional", null, false)).isNull();

        assertThat(errors.errors()).containsOnlyKeys("doctor_id", "patient_id", "date", "date_from", "start_time",
                "end_time", "symptoms", "date_to");
        assertThatThrownBy(errors::throwIfInvalid).isInstanceOfSatisfying(InvalidFieldsException.class,
                e -> assertThat(e.errors().get("date_to")).containsExactly("This field is required."));
    }
}
