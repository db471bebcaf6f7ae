package org.careslot.reporting.report.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ReportMonthTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");

    @Test
    void readsYearAndMonth() {
        assertThat(ReportMonth.parse("2026-03")).contains(YearMonth.of(2026, 3));
        assertThat(ReportMonth.parse("2026-12")).contains(YearMonth.of(2026, 12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-13", "2026-00", "2026-3", "26-03", "2026/03", "2026-03-01", "march", "+2026-03"})
    void refusesAnythingElse(String text) {
        assertThat(ReportMonth.parse(text)).isEmpty();
    }

    @Test
    void thePreviousMonthIsTheCloseZonesOne() {
        // 2026-11-30T18:30Z is already 1 December 00:30 in Dhaka (UTC+6), still November in UTC
        Instant justAfterMidnightInDhaka = Instant.parse("2026-11-30T18:30:00Z");

        assertThat(ReportMonth.previous(justAfterMidnightInDhaka, DHAKA)).isEqualTo(YearMonth.of(2026, 11));
        assertThat(ReportMonth.previous(justAfterMidnightInDhaka, ZoneId.of("UTC"))).isEqualTo(YearMonth.of(2026, 10));
        assertThat(ReportMonth.previous(Instant.parse("2026-01-10T00:00:00Z"), DHAKA)).isEqualTo(YearMonth.of(2025, 12));
    }

    @Test
    void aMonthHasEndedFromMidnightOfTheNextFirstInTheZone() {
        YearMonth november = YearMonth.of(2026, 11);

        assertThat(ReportMonth.hasEnded(november, Instant.parse("2026-11-30T17:59:59Z"), DHAKA)).isFalse();
        assertThat(ReportMonth.hasEnded(november, Instant.parse("2026-11-30T18:00:00Z"), DHAKA)).isTrue();
        assertThat(ReportMonth.hasEnded(november, Instant.parse("2026-11-15T00:00:00Z"), DHAKA)).isFalse();
        assertThat(ReportMonth.hasEnded(YearMonth.of(2020, 2), Instant.parse("2026-11-15T00:00:00Z"), DHAKA)).isTrue();
    }
}
