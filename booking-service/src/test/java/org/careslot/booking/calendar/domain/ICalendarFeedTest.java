package org.careslot.booking.calendar.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 5545 text rules of the feed writer, without Spring. */
class ICalendarFeedTest {

    @Test
    void escapesBackslashSemicolonCommaAndLineBreaks() {
        assertThat(ICalendarFeed.escape("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
        assertThat(ICalendarFeed.escape("plain: text")).isEqualTo("plain: text");
    }

    @Test
    void foldsAt75OctetsWithASpaceAtTheStartOfEachContinuation() {
        String line = "SUMMARY:" + "x".repeat(200);

        String folded = ICalendarFeed.fold(line);

        String[] physical = folded.split("\r\n", -1);
        assertThat(physical).hasSize(3);
        assertThat(physical[0]).hasSize(75);
        assertThat(physical[1]).hasSize(75).startsWith(" x");
        assertThat(physical[2]).startsWith(" x");
        assertThat(unfold(folded)).isEqualTo(line);
        assertThat(ICalendarFeed.fold("SHORT:line")).isEqualTo("SHORT:line");
        assertThat(ICalendarFeed.fold("X:" + "y".repeat(73))).doesNotContain("\r\n"); // exactly 75 octets
        assertThat(ICalendarFeed.fold("X:" + "y".repeat(74))).contains("\r\n");
    }

    @Test
    void neverSplitsAMultiByteCharacter() {
        // 3 octets each in UTF-8, after 8 octets of name: a fold can never fall on a multiple of 75 inside one
        String line = "SUMMARY:" + "ডাক্তার".repeat(20);

        String folded = ICalendarFeed.fold(line);

        for (String physical : folded.split("\r\n")) {
            byte[] octets = physical.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).isLessThanOrEqualTo(75);
            assertThat(new String(octets, StandardCharsets.UTF_8)).isEqualTo(physical); // decodes cleanly
            assertThat(physical).doesNotContain("\uFFFD");
        }
        assertThat(unfold(folded)).isEqualTo(line);
    }

    @Test
    void countsFourOctetCharactersWhole() {
        String line = "SUMMARY:" + "\uD83D\uDCC5".repeat(40); // U+1F4C5, 4 octets each

        for (String physical : ICalendarFeed.fold(line).split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(physical).doesNotContain("\uFFFD");
            assertThat(Character.isHighSurrogate(physical.charAt(physical.length() - 1))).isFalse();
        }
        assertThat(unfold(ICalendarFeed.fold(line))).isEqualTo(line);
    }

    @Test
    void writesAPublishedCalendarWithOneEventPerAppointmentInUtc() {
        UUID id = UUID.fromString("6f1c1a52-7f7e-4f55-9a0e-2f0d4b9d3c11");
        Instant start = Instant.parse("2026-12-03T04:00:00.123456Z");
        FeedEvent event = new FeedEvent(id, start, start.plusSeconds(1800), FeedEvent.Status.TENTATIVE, 3,
                Instant.parse("2026-12-01T10:00:00Z"), true);

        String calendar = ICalendarFeed.write("Name, with; specials", Instant.parse("2026-12-02T05:00:00Z"),
                List.of(event));

        assertThat(calendar).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(calendar.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        List<String> lines = Arrays.asList(calendar.split("\r\n"));
        assertThat(lines).contains("PRODID:" + ICalendarFeed.PRODUCT_ID, "VERSION:2.0", "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH", "X-WR-CALNAME:Name\\, with\\; specials", "BEGIN:VEVENT",
                "UID:6f1c1a52-7f7e-4f55-9a0e-2f0d4b9d3c11@careslot", "DTSTAMP:20261202T050000Z",
                "DTSTART:20261203T040000Z", "DTEND:20261203T043000Z", "SEQUENCE:3", "STATUS:TENTATIVE",
                "SUMMARY:CareSlot appointment with your doctor", "END:VEVENT");
        assertThat(lines).allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }

    @Test
    void mapsAppointmentStatusesToEventStatuses() {
        assertThat(FeedEvent.statusOf("PENDING")).isEqualTo(FeedEvent.Status.TENTATIVE);
        assertThat(FeedEvent.statusOf("CONFIRMED")).isEqualTo(FeedEvent.Status.CONFIRMED);
        assertThat(FeedEvent.statusOf("COMPLETED")).isEqualTo(FeedEvent.Status.CONFIRMED);
        assertThat(FeedEvent.statusOf("NO_SHOW")).isEqualTo(FeedEvent.Status.CONFIRMED);
        assertThat(FeedEvent.statusOf("CANCELLED")).isEqualTo(FeedEvent.Status.CANCELLED);
    }

    private static String unfold(String folded) {
        return folded.replace("\r\n ", "");
    }
}
