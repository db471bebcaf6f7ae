package org.careslot.booking.fhir.domain;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.careslot.booking.appointment.domain.Appointment;
import org.careslot.booking.appointment.domain.AppointmentStatus;
import org.careslot.booking.doctor.Doctor;
import org.careslot.booking.doctor.domain.Schedule;
import org.careslot.booking.doctor.domain.SlotTime;
import org.careslot.booking.doctor.domain.WeeklySlot;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping to FHIR R4, checked through HAPI's own JSON parser (serialize, parse back, compare). */
class FhirResourcesTest {

    static final FhirContext FHIR = FhirContext.forR4();
    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final UUID DOCTOR = UUID.fromString("3f2c0a34-9c1e-4d4b-8f2a-6a1d2b3c4d5e");
    static final UUID PATIENT = UUID.fromString("0b7d9a4e-1111-4c2d-9e3f-123456789abc");

    static Doctor doctor() {
        return new Doctor(DOCTOR, new BigDecimal("800.00"), true, 3,
                new Schedule(DHAKA, List.of(
                        new WeeklySlot(UUID.randomUUID(), DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0), 30),
                        new WeeklySlot(UUID.randomUUID(), DayOfWeek.THURSDAY, LocalTime.of(16, 0), LocalTime.of(18, 0),
                                20)),
                        List.of()),
                "Dr. Farida Yasmin", "CARDIOLOGY");
    }

    static Appointment appointment(AppointmentStatus status) {
        Instant start = Instant.parse("2026-12-07T03:00:00Z");
        return new Appointment(UUID.randomUUID(), DOCTOR, PATIENT, LocalDate.of(2026, 12, 7), LocalTime.of(9, 0),
                LocalTime.of(9, 30), "Asia/Dhaka", start, start.plusSeconds(1800), status, new BigDecimal("800.00"),
                "NOTES-secret", "SYMPTOMS-secret", "PRESCRIPTION-secret", "REASON-secret", null, 2, PATIENT,
                start.minusSeconds(86_400), start.minusSeconds(3_600));
    }

    @SuppressWarnings("unchecked")
    static <T extends IBaseResource> T roundTrip(T resource) {
        IParser parser = FHIR.newJsonParser();
        String json = parser.encodeResourceToString(resource);
        T parsed = (T) FHIR.newJsonParser().parseResource(resource.getClass(), json);
        // the parsed resource written again is the same document: nothing was lost or invalid in between
        assertThat(FHIR.newJsonParser().encodeResourceToString(parsed)).isEqualTo(json);
        assertThat(parsed.getIdElement().getIdPart()).isEqualTo(resource.getIdElement().getIdPart());
        return parsed;
    }

    static String json(IBaseResource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }

    @ParameterizedTest
    @CsvSource({"PENDING, pending", "CONFIRMED, booked", "CANCELLED, cancelled", "COMPLETED, fulfilled",
            "NO_SHOW, noshow"})
    void appointmentStatusesMapBothWays(AppointmentStatus status, String fhirCode) {
        org.hl7.fhir.r4.model.Appointment fhir = roundTrip(FhirResources.appointment(appointment(status)));

        assertThat(fhir.getStatus().toCode()).isEqualTo(fhirCode);
        assertThat(FhirResources.appointmentStatus(fhirCode)).contains(status);
    }

    @Test
    void aStatusCodeThisServiceNeverUsesMapsToNothing() {
        assertThat(FhirResources.appointmentStatus("proposed")).isEmpty();
        assertThat(FhirResources.appointmentStatus("BOOKED")).isEmpty();
    }

    @Test
    void anAppointmentCarriesTimesStatusAndReferencesAndNothingMedicalOrPersonal() {
        Appointment stored = appointment(AppointmentStatus.PENDING);
        org.hl7.fhir.r4.model.Appointment fhir = roundTrip(FhirResources.appointment(stored));

        assertThat(fhir.getIdElement().getIdPart()).isEqualTo(stored.id().toString());
        assertThat(fhir.getStart().toInstant()).isEqualTo(stored.startsAt());
        assertThat(fhir.getEnd().toInstant()).isEqualTo(stored.endsAt());
        assertThat(fhir.getMinutesDuration()).isEqualTo(30);
        assertThat(fhir.getMeta().getVersionId()).isEqualTo("2");
        assertThat(fhir.getParticipant()).extracting(p -> p.getActor().getReference())
                .containsExactly("Patient/" + PATIENT, "Practitioner/" + DOCTOR);
        assertThat(fhir.getParticipant()).allSatisfy(p -> assertThat(p.hasStatus()).isTrue());
        assertThat(fhir.getParticipant().get(1).getStatus())
                .isEqualTo(org.hl7.fhir.r4.model.Appointment.ParticipationStatus.NEEDSACTION);
        String json = json(fhir);
        assertThat(json).contains("\"start\":\"2026-12-07T09:00:00+06:00\"")
                .doesNotContain("NOTES-secret", "SYMPTOMS-secret", "PRESCRIPTION-secret", "REASON-secret",
                        "\"comment\"", "\"description\"", "\"patientInstruction\"", "\"display\"",
                        "\"cancelationReason\"");
    }

    @Test
    void aPractitionerHasItsIdNameAndActiveFlag() {
        Practitioner practitioner = roundTrip(FhirResources.practitioner(doctor()));

        assertThat(practitioner.getIdElement().getIdPart()).isEqualTo(DOCTOR.toString());
        assertThat(practitioner.getActive()).isTrue();
        assertThat(practitioner.getNameFirstRep().getText()).isEqualTo("Dr. Farida Yasmin");
    }

    @Test
    void aPractitionerRoleHasSpecialtyAndTheFeeAsAnExtension() {
        PractitionerRole role = roundTrip(FhirResources.practitionerRole(doctor()));

        assertThat(role.getPractitioner().getReference()).isEqualTo("Practitioner/" + DOCTOR);
        assertThat(role.getSpecialtyFirstRep().getCodingFirstRep().getSystem())
                .isEqualTo(FhirResources.SPECIALIZATION_SYSTEM);
        assertThat(role.getSpecialtyFirstRep().getCodingFirstRep().getCode()).isEqualTo("CARDIOLOGY");
        assertThat(role.getSpecialtyFirstRep().getCodingFirstRep().getDisplay()).isEqualTo("Cardiology");
        Money fee = (Money) role.getExtensionByUrl(FhirResources.CONSULTATION_FEE_EXTENSION).getValue();
        assertThat(fee.getValue()).isEqualByComparingTo("800.00");
        assertThat(fee.getCurrency()).isEqualTo("BDT");
    }

    @Test
    void specialityDisplaysReadAsWords() {
        assertThat(FhirResources.specializationDisplay("GENERAL_PRACTICE")).isEqualTo("General practice");
        assertThat(FhirResources.specializationDisplay("ENT")).isEqualTo("ENT (ear, nose and throat)");
    }

    @Test
    void aScheduleShowsTheWeeklySlotsTheZoneAndTheHorizon() {
        org.hl7.fhir.r4.model.Schedule schedule = roundTrip(FhirResources.schedule(doctor(), LocalDate.of(2026, 12, 2)));

        assertThat(schedule.getIdElement().getIdPart()).isEqualTo(DOCTOR.toString());
        assertThat(schedule.getActorFirstRep().getReference()).isEqualTo("Practitioner/" + DOCTOR);
        assertThat(schedule.getPlanningHorizon().getStartElement().getValueAsString())
                .isEqualTo("2026-12-02T00:00:00+06:00");
        assertThat(schedule.getPlanningHorizon().getEndElement().getValueAsString())
                .isEqualTo("2027-03-02T00:00:00+06:00");
        assertThat(schedule.getExtensionByUrl(FhirResources.TIME_ZONE_EXTENSION).getValue().primitiveValue())
                .isEqualTo("Asia/Dhaka");
        List<Extension> weekly = schedule.getExtensionsByUrl(FhirResources.WEEKLY_AVAILABILITY_EXTENSION);
        assertThat(weekly).hasSize(2);
        Extension monday = weekly.getFirst();
        assertThat(monday.getExtensionByUrl("day").getValue().primitiveValue()).isEqualTo("mon");
        assertThat(monday.getExtensionByUrl("availableStartTime").getValue().primitiveValue()).isEqualTo("09:00:00");
        assertThat(monday.getExtensionByUrl("availableEndTime").getValue().primitiveValue()).isEqualTo("12:00:00");
        assertThat(monday.getExtensionByUrl("slotMinutes").getValue().primitiveValue()).isEqualTo("30");
        assertThat(schedule.getComment()).contains("mon 09:00-12:00 every 30 min", "thu 16:00-18:00 every 20 min");
    }

    @Test
    void slotsAreFreeBusyOrPastWithTimesAtTheZonesOffset() {
        SlotTime nine = new SlotTime(LocalDate.of(2026, 12, 7), LocalTime.of(9, 0), LocalTime.of(9, 30),
                LocalDate.of(2026, 12, 7).atTime(9, 0).atZone(DHAKA), LocalDate.of(2026, 12, 7).atTime(9, 30).atZone(DHAKA),
                30);
        Instant before = Instant.parse("2026-12-01T00:00:00Z");
        Instant after = Instant.parse("2026-12-08T00:00:00Z");

        Slot free = roundTrip(FhirResources.slot(DOCTOR, nine, true, before));
        assertThat(free.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
        assertThat(free.getSchedule().getReference()).isEqualTo("Schedule/" + DOCTOR);
        assertThat(free.getIdElement().getIdPart()).isEqualTo(DOCTOR + "-20261207T0900").hasSizeLessThan(65);
        assertThat(json(free)).contains("\"start\":\"2026-12-07T09:00:00+06:00\"", "\"end\":\"2026-12-07T09:30:00+06:00\"");
        assertThat(FhirResources.slot(DOCTOR, nine, false, before).getStatus()).isEqualTo(Slot.SlotStatus.BUSY);
        assertThat(FhirResources.slot(DOCTOR, nine, false, after).getStatus())
                .isEqualTo(Slot.SlotStatus.BUSYUNAVAILABLE);
        // its id reads back as the doctor and local start it names; anything else names nothing
        assertThat(FhirResources.slotKey(free.getIdElement().getIdPart())).contains(
                new FhirResources.SlotKey(DOCTOR, LocalDate.of(2026, 12, 7).atTime(9, 0)));
        for (String other : new String[] {"", DOCTOR.toString(), DOCTOR + "-20261307T0900",
                DOCTOR + "_20261207T0900", "not-a-uuid-at-all-not-a-uuid-at-all-20261207T0900", DOCTOR + "-2026"}) {
            assertThat(FhirResources.slotKey(other)).as(other).isEmpty();
        }
    }

    @Test
    void aSearchsetHasTotalSelfAndNextWhileMorePagesFollow() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("_count", List.of("1"));
        query.put("actor", List.of("Practitioner/" + DOCTOR));
        List<Resource> page = List.of(FhirResources.practitioner(doctor()));

        Bundle first = roundTrip(Searchsets.of("https://careslot.example/fhir/r4", "Practitioner", query, page, 2, 1, 1));
        assertThat(first.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(first.getTotal()).isEqualTo(2);
        assertThat(first.getLink("self").getUrl()).isEqualTo("https://careslot.example/fhir/r4/Practitioner?_count=1"
                + "&actor=Practitioner/" + DOCTOR);
        assertThat(first.getLink("next").getUrl()).endsWith("&_page=2");
        assertThat(first.getEntryFirstRep().getFullUrl())
                .isEqualTo("https://careslot.example/fhir/r4/Practitioner/" + DOCTOR);
        assertThat(first.getEntryFirstRep().getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);

        Bundle last = Searchsets.of("https://careslot.example/fhir/r4", "Practitioner", query, page, 2, 2, 1);
        assertThat(last.getLink("next")).isNull();
        assertThat(last.getLink("self").getUrl()).endsWith("&_page=2");
    }

    @Test
    void theCapabilityStatementHasItsRequiredElements() {
        CapabilityStatement statement = roundTrip(Capabilities.statement("https://careslot.example/fhir/r4",
                Date.from(Instant.parse("2026-12-02T00:00:00Z"))));

        assertThat(statement.getStatus().toCode()).isEqualTo("active");
        assertThat(statement.getKind().toCode()).isEqualTo("instance");
        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getFormat()).extracting(f -> f.getValue()).contains("json");
        assertThat(statement.hasDate()).isTrue();
        assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .containsExactly("Practitioner", "PractitionerRole", "Schedule", "Slot", "Appointment");
        assertThat(statement.getRestFirstRep().getResource().get(3).getSearchParam()).extracting(p -> p.getName())
                .containsExactly("schedule", "start");
    }

    @Test
    void anOperationOutcomeNamesTheParameter() {
        OperationOutcome outcome = roundTrip(FhirResources.outcome(OperationOutcome.IssueType.INVALID, "start", "bad"));

        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(outcome.getIssueFirstRep().getExpression()).extracting(e -> e.getValue()).containsExactly("start");
    }
}
