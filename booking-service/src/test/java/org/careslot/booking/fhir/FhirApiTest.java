package org.careslot.booking.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.careslot.booking.fixtures.Actor;
import org.careslot.booking.fixtures.BookingIntegrationTest;
import org.careslot.booking.fixtures.DoctorProfile;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The FHIR R4 API against real PostgreSQL, Kafka and Keycloak; every body is read with HAPI's parser. */
class FhirApiTest extends BookingIntegrationTest {

    static final FhirContext FHIR = FhirContext.forR4();
    static final String MEDICAL = "MEDICAL-TEXT-never-in-fhir";

    static <T extends IBaseResource> T parse(Answer answer, Class<T> type) {
        assertThat(answer.header("Content-Type")).as(answer.body()).startsWith("application/fhir+json");
        return FHIR.newJsonParser().parseResource(type, answer.body());
    }

    static OperationOutcome outcome(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return parse(answer, OperationOutcome.class);
    }

    static void badRequestNaming(Answer answer, String parameter) {
        OperationOutcome outcome = outcome(answer, 400);
        assertThat(outcome.getIssue()).flatExtracting(OperationOutcome.OperationOutcomeIssueComponent::getExpression)
                .extracting(expression -> expression.getValue()).contains(parameter);
    }

    Answer fhirGet(String path, Actor caller) {
        return http.get("/fhir/r4/" + path, caller == null ? null : caller.token(),
                Map.of("Accept", "application/fhir+json"));
    }

    @Test
    void theCapabilityStatementIsPublic() {
        for (String path : List.of("metadata", "metadata/")) {
            Answer answer = fhirGet(path, null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            CapabilityStatement statement = parse(answer, CapabilityStatement.class);
            assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
            assertThat(statement.getKind().toCode()).isEqualTo("instance");
            assertThat(statement.getImplementation().getUrl()).isEqualTo("http://localhost:" + port + "/fhir/r4");
        }
    }

    @Test
    void aDoctorIsAPublicPractitionerRoleAndSchedule() {
        DoctorProfile doctor = publish(DoctorProfile.random().fee("750.00").everyDay("09:00", "11:00", 30), 1);

        Answer read = fhirGet("Practitioner/" + doctor.id(), null);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        Practitioner practitioner = parse(read, Practitioner.class);
        assertThat(practitioner.getActive()).isTrue();
        assertThat(practitioner.getNameFirstRep().getText()).startsWith("Dr. Test ");

        PractitionerRole role = parse(fhirGet("PractitionerRole/" + doctor.id(), null), PractitionerRole.class);
        assertThat(role.getSpecialtyFirstRep().getCodingFirstRep().getCode()).isEqualTo("MEDICINE");
        Money fee = (Money) role.getExtensionByUrl("https://careslot.org/fhir/StructureDefinition/consultation-fee")
                .getValue();
        assertThat(fee.getValue()).isEqualByComparingTo("750.00");
        assertThat(jdbc.queryForObject("SELECT specialization FROM doctor WHERE id = ?", String.class, doctor.id()))
                .isEqualTo("MEDICINE");

        Bundle roles = parse(fhirGet("PractitionerRole?practitioner=Practitioner/" + doctor.id(), null), Bundle.class);
        assertThat(roles.getTotal()).isEqualTo(1);
        Bundle schedules = parse(fhirGet("Schedule?actor=Practitioner/" + doctor.id(), null), Bundle.class);
        assertThat(schedules.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        Schedule schedule = (Schedule) schedules.getEntryFirstRep().getResource();
        assertThat(schedule.getActorFirstRep().getReference()).isEqualTo("Practitioner/" + doctor.id());
        assertThat(schedule.getExtensionsByUrl("https://careslot.org/fhir/StructureDefinition/weekly-availability"))
                .hasSize(7);

        publish(DoctorProfile.random().everyDay("09:00", "11:00", 30), 1); // a second page exists
        Bundle all = parse(fhirGet("Practitioner?_count=1", null), Bundle.class);
        assertThat(all.getEntry()).hasSize(1);
        assertThat(all.getLink("next").getUrl()).contains("_count=1").endsWith("_page=2");

        for (String missing : List.of("Practitioner/" + UUID.randomUUID(), "PractitionerRole/not-a-uuid",
                "Schedule/" + UUID.randomUUID())) {
            outcome(fhirGet(missing, null), 404);
        }
        DoctorProfile inactive = publish(DoctorProfile.random().active(false), 1);
        outcome(fhirGet("Practitioner/" + inactive.id(), null), 404);
    }

    @Test
    void slotsShowFreeAndBusyAfterABooking() {
        DoctorProfile doctor = publish(DoctorProfile.random().everyDay("09:00", "11:00", 30), 1);
        LocalDate day = daysAhead(3);
        book(Actor.patient(), doctor.id(), day, "09:30");

        Answer answer = fhirGet("Slot?schedule=Schedule/" + doctor.id() + "&start=ge" + day + "&start=lt"
                + day.plusDays(1), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Bundle bundle = parse(answer, Bundle.class);

        assertThat(bundle.getTotal()).isEqualTo(4);
        List<Slot> slots = bundle.getEntry().stream().map(entry -> (Slot) entry.getResource()).toList();
        assertThat(slots).extracting(slot -> slot.getStatus().toCode())
                .containsExactly("free", "busy", "free", "free");
        assertThat(slots).allSatisfy(slot -> assertThat(slot.getSchedule().getReference())
                .isEqualTo("Schedule/" + doctor.id()));
        assertThat(answer.body()).contains("\"start\":\"" + day + "T09:30:00+06:00\"");
        // every entry's fullUrl reads that Slot
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Answer read = fhirGet(entry.getFullUrl().substring(entry.getFullUrl().indexOf("/fhir/r4/")
                    + "/fhir/r4/".length()), null);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(parse(read, Slot.class).getStatus()).isEqualTo(((Slot) entry.getResource()).getStatus());
        }
        outcome(fhirGet("Slot/" + doctor.id() + "-" + day.toString().replace("-", "") + "T0945", null), 404);
        outcome(fhirGet("Slot/" + UUID.randomUUID() + "-" + day.toString().replace("-", "") + "T0930", null), 404);
        outcome(fhirGet("Slot/not-a-slot", null), 404);

        // the same as the availability API offers
        JsonNode free = http.get("/api/v1/doctors/" + doctor.id() + "/availability/?date=" + day, null).json()
                .get("slots");
        assertThat(free).hasSize(3);

        Bundle unknown = parse(fhirGet("Slot?schedule=Schedule/" + UUID.randomUUID() + "&start=ge" + day
                + "&start=lt" + day.plusDays(1), null), Bundle.class);
        assertThat(unknown.getTotal()).isZero();
    }

    @Test
    void badSearchParametersAre400OperationOutcomesNamingThem() {
        UUID doctor = UUID.randomUUID();
        String schedule = "Slot?schedule=Schedule/" + doctor;
        badRequestNaming(fhirGet(schedule + "&start=ge2030-01-01", null), "start");
        badRequestNaming(fhirGet(schedule + "&start=ge2030-01-01&start=lt2030-03-01", null), "start");
        badRequestNaming(fhirGet(schedule + "&start=ge2030-02-30&start=lt2030-03-02", null), "start");
        badRequestNaming(fhirGet("Slot?start=ge2030-01-01&start=lt2030-01-02", null), "schedule");
        badRequestNaming(fhirGet("Slot?schedule=Schedule/x&start=ge2030-01-01&start=lt2030-01-02", null),
                "schedule");
        badRequestNaming(fhirGet(schedule + "&start=ge2030-01-01&start=lt2030-01-02&color=red", null), "color");
        badRequestNaming(fhirGet("Practitioner?_id=nope", null), "_id");
        badRequestNaming(fhirGet("Practitioner?_count=1000", null), "_count");
        badRequestNaming(fhirGet("Practitioner?name=Smith", null), "name");
        Actor patient = Actor.patient();
        badRequestNaming(fhirGet("Appointment?status=proposed", patient), "status");
        badRequestNaming(fhirGet("Appointment?patient=Practitioner/" + patient.id(), patient), "patient");
    }

    @Test
    void appointmentsAreTheCallersOwnAndCarryNothingMedical() {
        Actor doctorUser = Actor.doctor();
        DoctorProfile doctor = publish(DoctorProfile.of(doctorUser.id()).everyDay("09:00", "12:00", 30), 1);
        Actor patient = Actor.patient();
        Actor otherPatient = Actor.patient();
        Map<String, Object> body = new java.util.HashMap<>(booking(doctor.id(), daysAhead(2), "10:00"));
        body.put("notes", MEDICAL);
        body.put("symptoms", MEDICAL);
        Answer booked = http.post("/api/v1/appointments/", body, patient.token());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String id = booked.text("id");

        Answer own = fhirGet("Appointment/" + id, patient);
        Appointment pending = parse(own, Appointment.class);
        assertThat(pending.getStatus().toCode()).isEqualTo("pending");
        assertThat(pending.getParticipant()).extracting(p -> p.getActor().getReference())
                .containsExactly("Patient/" + patient.id(), "Practitioner/" + doctor.id());
        assertThat(own.body()).doesNotContain(MEDICAL);
        assertThat(own.header("Cache-Control")).contains("no-store");

        assertThat(http.post("/api/v1/appointments/" + id + "/confirm/", null, doctorUser.token()).status())
                .isEqualTo(200);
        assertThat(parse(fhirGet("Appointment/" + id, doctorUser), Appointment.class).getStatus().toCode())
                .isEqualTo("booked");
        assertThat(parse(fhirGet("Appointment/" + id, Actor.admin()), Appointment.class).getStatus().toCode())
                .isEqualTo("booked");

        OperationOutcome hidden = outcome(fhirGet("Appointment/" + id, otherPatient), 404);
        assertThat(hidden.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        outcome(fhirGet("Appointment/not-a-uuid", patient), 404);
        Answer anonymous = fhirGet("Appointment/" + id, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(fhirGet("Appointment", null).status()).isEqualTo(401);

        Bundle mine = parse(fhirGet("Appointment?status=booked", patient), Bundle.class);
        assertThat(mine.getEntry()).extracting(entry -> entry.getResource().getIdElement().getIdPart())
                .containsExactly(id);
        assertThat(mine.getLink("self").getUrl()).contains("/fhir/r4/Appointment?status=booked");
        Bundle theirs = parse(fhirGet("Appointment?patient=Patient/" + patient.id(), otherPatient), Bundle.class);
        assertThat(theirs.getTotal()).isZero();
        Bundle byId = parse(fhirGet("Appointment?_id=" + id, otherPatient), Bundle.class);
        assertThat(byId.getTotal()).isZero();
        assertThat(parse(fhirGet("Appointment?_id=" + id, patient), Bundle.class).getTotal()).isEqualTo(1);

        // by date (the appointment's date in the doctor's zone), exact or as bounds, also with _id
        LocalDate day = daysAhead(2);
        for (String dates : List.of("date=" + day, "date=ge" + day + "&date=lt" + day.plusDays(1),
                "date=le" + day, "_id=" + id + "&date=" + day)) {
            assertThat(parse(fhirGet("Appointment?" + dates, patient), Bundle.class).getTotal()).as(dates)
                    .isEqualTo(1);
        }
        for (String dates : List.of("date=" + day.plusDays(1), "date=lt" + day, "_id=" + id + "&date=gt" + day)) {
            assertThat(parse(fhirGet("Appointment?" + dates, patient), Bundle.class).getTotal()).as(dates).isZero();
        }
        badRequestNaming(fhirGet("Appointment?date=ge" + day + "&date=lt" + day, patient), "date");
        badRequestNaming(fhirGet("Appointment?date=tomorrow", patient), "date");
    }

    @Test
    void theOpenApiDocumentShowsTheFhirEndpointsWithTheirContentType() {
        JsonNode paths = http.get("/v3/api-docs", null).json().get("paths");

        JsonNode metadata = paths.get("/fhir/r4/metadata/").get("get");
        assertThat(metadata.get("security")).isEmpty();
        assertThat(metadata.get("responses").get("200").get("content").has("application/fhir+json")).isTrue();
        JsonNode slots = paths.get("/fhir/r4/Slot/").get("get");
        assertThat(slots.get("responses").get("400").get("content").has("application/fhir+json")).isTrue();
        assertThat(slots.get("parameters")).extracting(p -> p.get("name").asString())
                .contains("schedule", "start").doesNotContain("query");
        JsonNode appointment = paths.get("/fhir/r4/Appointment/{id}/").get("get");
        assertThat(appointment.get("responses").has("401")).isTrue();
        assertThat(appointment.get("parameters")).extracting(p -> p.get("name").asString()).containsExactly("id");
    }
}
