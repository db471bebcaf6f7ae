package org.careslot.booking.calendar.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes a feed as an RFC 5545 iCalendar object published for subscription (METHOD:PUBLISH): one VEVENT per
 * appointment, times in UTC, lines folded at 75 octets and ended by CRLF, TEXT values escaped.
 */
public final class ICalendarFeed {

    public static final String PRODUCT_ID = "-//CareSlot//Appointments Feed//EN";
    static final String CRLF = "\r\n";
    static final int MAX_LINE_OCTETS = 75;
    /** How often subscribers should fetch again (RFC 7986 REFRESH-INTERVAL and its older X- form). */
    static final String REFRESH = "PT1H";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private ICalendarFeed() {
    }

    /**
     * @param calendarName shown by calendar apps (X-WR-CALNAME)
     * @param stamp        when this object was generated (DTSTAMP of every event, as METHOD:PUBLISH wants)
     */
    public static String write(String calendarName, Instant stamp, List<FeedEvent> events) {
        StringBuilder out = new StringBuilder(512 + events.size() * 400);
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:" + PRODUCT_ID);
        line(out, "VERSION:2.0");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(calendarName));
        line(out, "REFRESH-INTERVAL;VALUE=DURATION:" + REFRESH);
        line(out, "X-PUBLISHED-TTL:" + REFRESH);
        for (FeedEvent event : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + uid(event));
            line(out, "DTSTAMP:" + utc(stamp));
            line(out, "DTSTART:" + utc(event.startsAt()));
            line(out, "DTEND:" + utc(event.endsAt()));
            line(out, "LAST-MODIFIED:" + utc(event.lastModified()));
            line(out, "SEQUENCE:" + event.sequence());
            line(out, "STATUS:" + event.status().name());
            line(out, "SUMMARY:" + escape(event.summary()));
            line(out, "TRANSP:" + (event.status() == FeedEvent.Status.CANCELLED ? "TRANSPARENT" : "OPAQUE"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** Globally unique and stable across feeds, so the patient's and the doctor's calendars name the same event. */
    public static String uid(FeedEvent event) {
        return event.appointmentId() + "@careslot";
    }

    /** A UTC DATE-TIME (form #2 of RFC 5545 3.3.5), whole seconds. */
    static String utc(Instant instant) {
        return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** TEXT escaping of RFC 5545 3.3.11: backslash, semicolon, comma and line breaks. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    escaped.append("\\n");
                }
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * The content line folded (RFC 5545 3.1): at most 75 octets of UTF-8 per physical line, continuation lines begin
     * with one space, and no character's UTF-8 sequence is split.
     */
    static String fold(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = utf8Octets(codePoint);
            if (octets + size > MAX_LINE_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    private static int utf8Octets(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    private static void line(StringBuilder out, String contentLine) {
        out.append(fold(contentLine)).append(CRLF);
    }
}
