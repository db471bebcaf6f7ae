package org.careslot.booking.fhir.domain;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Enumerations;

import java.util.Date;

/** The server's CapabilityStatement: what {@code /fhir/r4/} reads and searches (JSON only, read-only). */
public final class Capabilities {

    private Capabilities() {
    }

    /** @param published when this description took effect (the service's start) */
    public static CapabilityStatement statement(String base, Date published) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(published);
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.setFhirVersion(FhirResources.fhirVersion());
        statement.addFormat("json");
        statement.addFormat("application/fhir+json");
        statement.setPublisher("CareSlot");
        statement.getSoftware().setName("CareSlot booking-service");
        statement.getImplementation().setDescription("CareSlot scheduling (read-only)").setUrl(base);
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation("Practitioner, PractitionerRole, Schedule and Slot are public; Appointment needs a "
                + "bearer token (Keycloak realm appointments) and shows the caller's own appointments (all for "
                + "ADMIN). Every search takes _count (1-" + SearchParameters.MAX_COUNT + ", default "
                + SearchParameters.DEFAULT_COUNT + ") and _page (1-based).");
        rest.getSecurity().setDescription("OAuth2 bearer token from Keycloak (realm appointments) for Appointment.");

        resource(rest, "Practitioner")
                .addSearchParam(param("_id", Enumerations.SearchParamType.TOKEN, "the doctor's id"));
        resource(rest, "PractitionerRole")
                .addSearchParam(param("_id", Enumerations.SearchParamType.TOKEN, "the doctor's id"))
                .addSearchParam(param("practitioner", Enumerations.SearchParamType.REFERENCE, "Practitioner/{id}"));
        resource(rest, "Schedule")
                .addSearchParam(param("_id", Enumerations.SearchParamType.TOKEN, "the doctor's id"))
                .addSearchParam(param("actor", Enumerations.SearchParamType.REFERENCE, "Practitioner/{id}"));
        resource(rest, "Slot")
                .addSearchParam(param("schedule", Enumerations.SearchParamType.REFERENCE,
                        "Schedule/{id} (required)"))
                .addSearchParam(param("start", Enumerations.SearchParamType.DATE,
                        "required twice: start=geYYYY-MM-DD&start=ltYYYY-MM-DD, at most "
                                + SearchParameters.MAX_SLOT_DAYS + " days, dates in the doctor's time zone"));
        resource(rest, "Appointment")
                .addSearchParam(param("_id", Enumerations.SearchParamType.TOKEN, "the appointment's id"))
                .addSearchParam(param("patient", Enumerations.SearchParamType.REFERENCE, "Patient/{id}"))
                .addSearchParam(param("practitioner", Enumerations.SearchParamType.REFERENCE, "Practitioner/{id}"))
                .addSearchParam(param("status", Enumerations.SearchParamType.TOKEN,
                        "pending, booked, cancelled, fulfilled or noshow"))
                .addSearchParam(param("date", Enumerations.SearchParamType.DATE,
                        "the appointment's date in the doctor's time zone: YYYY-MM-DD, prefixes eq, ge, gt, lt, le"));
        return statement;
    }

    private static CapabilityStatementRestResourceComponent resource(
            CapabilityStatement.CapabilityStatementRestComponent rest, String type) {
        CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
        resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        return resource;
    }

    private static CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent param(
            String name, Enumerations.SearchParamType type, String documentation) {
        return new CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent()
                .setName(name).setType(type).setDocumentation(documentation);
    }
}
