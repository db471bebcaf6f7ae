package org.careslot.doctor.profile.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.time.DayOfWeek;

/** ISO weekday numbers in the database (1 = Monday .. 7 = Sunday), so ORDER BY weekday is Monday first. */
@Converter
public class WeekdayConverter implements AttributeConverter<DayOfWeek, Short> {

    @Override
    public Short convertToDatabaseColumn(DayOfWeek weekday) {
        return weekday == null ? null : (short) weekday.getValue();
    }

    @Override
    public DayOfWeek convertToEntityAttribute(Short value) {
        return value == null ? null : DayOfWeek.of(value);
    }
}
