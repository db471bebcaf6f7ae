package org.careslot.notification.reminder.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The wording of every message: subject, a plain-text part and an HTML part naming the doctor, the appointment's time
 * in the doctor's time zone and the appointment id, and a one-line SMS version (the same sentence, the first eight
 * characters of the appointment id as reference). No medical data (notes, symptoms) ever goes into a message. The
 * waitlist's notice names the doctor and the freed slot's time only: nothing of the appointment or patient that freed
 * it.
 */
public final class MessageText {

    /** Everything a message names. */
    public record Facts(MessageKind kind, Recipient recipient, String recipientName, String doctorName,
                        String patientName, UUID appointmentId, Instant startsAt, ZoneId timeZone) {

        public Facts {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(appointmentId, "appointmentId");
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(timeZone, "timeZone");
        }
    }

    /**
     * A composed message.
     *
     * @param shortText the SMS version: one line, plain text, no greeting, no medical data
     */
    public record Composed(String subject, String text, String html, String shortText) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu 'at' HH:mm",
            Locale.ENGLISH);

    private MessageText() {
    }

    /** "Wednesday 2 December 2026 at 09:00 (Asia/Dhaka)": the local time where the doctor practises. */
    public static String localTime(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return WHEN.format(local) + " (" + zone.getId() + ")";
    }

    public static Composed compose(Facts facts) {
        String doctor = "Dr. " + orElse(facts.doctorName(), "your doctor");
        String when = localTime(facts.startsAt(), facts.timeZone());
        String patient = orElse(facts.patientName(), "a patient");
        boolean toDoctor = facts.recipient() == Recipient.DOCTOR;
        String subject;
        String line;
        switch (facts.kind()) {
            case REMINDER -> {
                subject = "Reminder: your appointment with " + doctor + " on " + when;
                line = "This is a reminder of your appointment with " + doctor + " on " + when + ".";
            }
            case BOOKED -> {
                subject = toDoctor ? "New appointment with " + patient + " on " + when
                        : "Appointment booked with " + doctor + " on " + when;
                line = toDoctor ? patient + " booked an appointment with you on " + when + "."
                        : "Your appointment with " + doctor + " on " + when + " is booked. The doctor will confirm it.";
            }
            case CONFIRMED -> {
                subject = "Appointment confirmed with " + doctor + " on " + when;
                line = doctor + " confirmed your appointment on " + when + ".";
            }
            case RESCHEDULED -> {
                subject = "Appointment moved: " + doctor + " on " + when;
                line = "Your appointment with " + doctor + " now takes place on " + when + ".";
            }
            case CANCELLED -> {
                subject = toDoctor ? "Appointment cancelled: " + patient + " on " + when
                        : "Appointment cancelled: " + doctor + " on " + when;
                line = toDoctor ? "The appointment with " + patient + " on " + when + " was cancelled."
                        : "Your appointment with " + doctor + " on " + when + " was cancelled.";
            }
            case WAITLIST_SLOT_FREED -> {
                subject = "A slot is free with " + doctor + " on " + when;
                line = "A slot with " + doctor + " on " + when + " has just become free and can be booked now. "
                        + "You were next on the waitlist for this date; the slot goes to whoever books it first.";
            }
            default -> throw new IllegalStateException("unknown kind " + facts.kind());
        }
        String greeting = "Dear " + orElse(facts.recipientName(), toDoctor ? "Doctor" : "patient") + ",";
        // the freed slot's appointment is someone else's: its id is no business of the waiting patient
        boolean reference = facts.kind() != MessageKind.WAITLIST_SLOT_FREED;
        String text = greeting + "\n\n" + line + "\n\n"
                + (reference ? "Appointment id: " + facts.appointmentId() + "\n\n" : "") + "-- \nCareSlot\n";
        String html = "<!DOCTYPE html><html><body>"
                + "<p>" + escape(greeting) + "</p>"
                + "<p>" + escape(line) + "</p>"
                + (reference ? "<p>Appointment id: <code>" + facts.appointmentId() + "</code></p>" : "")
                + "<p>CareSlot</p></body></html>";
        String shortText = "CareSlot: " + line
                + (reference ? " Ref " + facts.appointmentId().toString().substring(0, 8) : "");
        return new Composed(subject, text, html, shortText);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
