package org.careslot.e2e;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The FHIR R4 API through the gateway, read as another hospital system would with HAPI's parser: the capability
 * statement and the directory without a token, slots busy after a booking, the patient's own appointment.
 */
class FhirE2ETest {

    private static final String PASSWORD = "Str0ng!Pass";
    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final FhirContext FHIR = FhirContext.forR4();

    private static Gateway gateway;
    private static RunningStack stack;

    @BeforeAll
    static void stack() {
        stack = RunningStack.get();
        gateway = new Gateway(stack);
    }

    private static <T extends IBaseResource> T parse(Gateway.Response response, Class<T> type) {
        assertThat(response.contentType()).as(response.body()).startsWith("application/fhir+json");
        return FHIR.newJsonParser().parseResource(type, response.body());
    }

    private static <T extends IBaseResource> T read(String path, String token, Class<T> type) {
        Gateway.Response response = gateway.get(path, token);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return parse(response, type);
    }

    @Test
    void anotherSystemReadsTheDirectorySlotsAndThePatientsAppointment() {
        CapabilityStatement metadata = read("/fhir/r4/metadata", null, CapabilityStatement.class);
        assertThat(metadata.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(metadata.getImplementation().getUrl()).isEqualTo(stack.gatewayUrl() + "/fhir/r4");

        LocalDate date = LocalDate.now(ZoneId.of("Asia/Dhaka")).plusDays(4);
        PublishedDoctor published = PublishedDoctor.publish(gateway, "Nasima Khatun", "CARDIOLOGY", "900", date,
                LocalTime.of(14, 0), LocalTime.of(15, 0));
        String doctorId = published.id();
        String doctor = published.token();
        String slots = "/fhir/r4/Slot?schedule=Schedule/" + doctorId + "&start=ge" + date + "&start=lt"
                + date.plusDays(1);
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).until(() -> {
            Gateway.Response found = gateway.get(slots, null);
            return found.status() == 200 && parse(found, Bundle.class).getTotal() == 2;
        });

        Practitioner practitioner = read("/fhir/r4/Practitioner/" + doctorId, null, Practitioner.class);
        assertThat(practitioner.getNameFirstRep().getText()).isEqualTo("Nasima Khatun");
        assertThat(practitioner.getActive()).isTrue();
        Bundle roles = read("/fhir/r4/PractitionerRole?practitioner=Practitioner/" + doctorId, null, Bundle.class);
        PractitionerRole role = (PractitionerRole) roles.getEntryFirstRep().getResource();
        assertThat(roles.getEntryFirstRep().getFullUrl())
                .isEqualTo(stack.gatewayUrl() + "/fhir/r4/PractitionerRole/" + doctorId);
        assertThat(role.getSpecialtyFirstRep().getCodingFirstRep().getCode()).isEqualTo("CARDIOLOGY");
        Money fee = (Money) role.getExtensionByUrl("https://careslot.org/fhir/StructureDefinition/consultation-fee")
                .getValue();
        assertThat(fee.getValue()).isEqualByComparingTo("900");
        assertThat(fee.getCurrency()).isEqualTo("BDT");

        String patientEmail = "patient-" + UUID.randomUUID() + "@example.org";
        gateway.register("PATIENT", "Tahmina Akter", patientEmail, PASSWORD);
        String patient = gateway.login(patientEmail, PASSWORD);
        String otherEmail = "patient-" + UUID.randomUUID() + "@example.org";
        gateway.register("PATIENT", "Jamal Uddin", otherEmail, PASSWORD);
        String otherPatient = gateway.login(otherEmail, PASSWORD);
        Gateway.Response booked = gateway.postJson("/api/v1/appointments/", Map.of("doctor_id", doctorId,
                "date", date.toString(), "start_time", "14:30", "symptoms", "palpitations at night"), patient);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String id = booked.json().get("id").asString();

        List<String> statuses = read(slots, null, Bundle.class).getEntry().stream()
                .map(entry -> ((Slot) entry.getResource()).getStatus().toCode()).toList();
        assertThat(statuses).containsExactly("free", "busy");

        String appointment = "/fhir/r4/Appointment/" + id;
        assertThat(read(appointment, patient, Appointment.class).getStatus().toCode()).isEqualTo("pending");
        Gateway.Response confirmed = gateway.postJson("/api/v1/appointments/" + id + "/confirm/", Map.of(), doctor);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        Gateway.Response own = gateway.get(appointment, patient);
        Appointment mine = read(appointment, patient, Appointment.class);
        assertThat(mine.getStatus().toCode()).isEqualTo("booked");
        assertThat(mine.getParticipant()).extracting(p -> p.getActor().getReference())
                .contains("Practitioner/" + doctorId);
        assertThat(own.body()).doesNotContain("palpitations").doesNotContain("Tahmina");

        Gateway.Response hidden = gateway.get(appointment, otherPatient);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(parse(hidden, OperationOutcome.class).getIssueFirstRep().getCode())
                .isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        assertThat(gateway.get(appointment, null).status()).isEqualTo(401);

        Gateway.Response oversized = gateway.get("/fhir/r4/Slot?schedule=Schedule/" + doctorId + "&start=ge" + date
                + "&start=lt" + date.plusDays(40), null);
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(parse(oversized, OperationOutcome.class).getIssueFirstRep().getExpression())
                .extracting(e -> e.getValue()).containsExactly("start");
    }
}
