package org.careslot.booking.fhir.api;

import ca.uhn.fhir.context.FhirContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.careslot.booking.appointment.AppointmentQueries;
import org.careslot.booking.appointment.AppointmentQueries.ListRequest;
import org.careslot.booking.appointment.domain.Appointment;
import org.careslot.booking.appointment.domain.AppointmentStatus;
import org.careslot.booking.availability.AvailabilityService;
import org.careslot.booking.availability.AvailabilityService.RangeAvailability;
import org.careslot.booking.doctor.Doctor;
import org.careslot.booking.doctor.DoctorDirectory;
import org.careslot.booking.fhir.domain.Capabilities;
import org.careslot.booking.fhir.domain.FhirResources;
import org.careslot.booking.fhir.domain.FhirResources.SlotKey;
import org.careslot.booking.fhir.domain.InvalidSearchException;
import org.careslot.booking.fhir.domain.SearchParameters;
import org.careslot.booking.fhir.domain.SearchParameters.DateRange;
import org.careslot.booking.fhir.domain.Searchsets;
import org.careslot.platform.web.paging.PageQuery;
import org.careslot.platform.web.problem.ApiProblemException;
import org.careslot.platform.web.problem.InvalidFieldsException;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.careslot.platform.web.request.PathIds;
import org.careslot.platform.web.security.CurrentUser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The FHIR R4 read API for other hospital systems: the doctor directory (Practitioner, PractitionerRole, Schedule),
 * the grid's Slots and the caller's Appointments, as application/fhir+json. Errors of these endpoints are
 * OperationOutcomes (400, 404); 401 comes from the security chain (and the gateway) as problem+json like everywhere.
 */
@RestController
@Tag(name = "FHIR R4", description = "Read-only FHIR R4 (4.0.1) API, JSON only; see GET /fhir/r4/metadata")
class FhirController {

    static final MediaType FHIR_JSON = new MediaType("application", "fhir+json", StandardCharsets.UTF_8);
    static final String FHIR_JSON_TYPE = "application/fhir+json";

    private final FhirContext fhir;
    private final DoctorDirectory doctors;
    private final AvailabilityService availability;
    private final AppointmentQueries appointments;
    private final Clock clock;
    private final String publicBaseUrl;
    private final Date started;

    FhirController(FhirContext fhir, DoctorDirectory doctors, AvailabilityService availability,
                   AppointmentQueries appointments, Clock clock,
                   @Value("${careslot.calendar.public-base-url:}") String publicBaseUrl) {
        this.fhir = fhir;
        this.doctors = doctors;
        this.availability = availability;
        this.appointments = appointments;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.started = Date.from(clock.instant());
    }

    // ------------------------------------------------------------------------------------------------ metadata

    @GetMapping("/fhir/r4/metadata")
    @SecurityRequirements
    @Operation(summary = "FHIR CapabilityStatement (public)",
            description = "status active, kind instance, fhirVersion 4.0.1, format json; the resources, interactions "
                    + "(read, search-type) and search parameters this server supports.")
    @ApiResponse(responseCode = "200", description = "CapabilityStatement", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 CapabilityStatement")))
    ResponseEntity<String> metadata() {
        return ok(Capabilities.statement(base(), started));
    }

    // ------------------------------------------------------------------------------------------------ directory

    @GetMapping("/fhir/r4/Practitioner/{id}")
    @SecurityRequirements
    @Operation(summary = "A doctor as FHIR Practitioner (public)",
            description = "id = the doctor's id; name (text) and active. An unknown or inactive doctor, or an id that "
                    + "is not a UUID → 404 OperationOutcome.")
    @ApiResponse(responseCode = "200", description = "Practitioner", content = @Content(mediaType = FHIR_JSON_TYPE,
            schema = @Schema(type = "object", description = "FHIR R4 Practitioner")))
    @ApiResponse(responseCode = "404", description = "OperationOutcome", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 OperationOutcome")))
    ResponseEntity<String> practitioner(@PathVariable String id) {
        return ok(FhirResources.practitioner(activeDoctor(id, "Practitioner")));
    }

    @GetMapping("/fhir/r4/Practitioner")
    @SecurityRequirements
    @Operation(summary = "Search doctors as FHIR Practitioner (public)",
            description = "A searchset Bundle of the active doctors (by name), or of the one named by _id; paged with "
                    + "_count (1-100, default 20) and _page, links self and next. Unknown parameters → 400 "
                    + "OperationOutcome naming them.")
    @Parameter(name = "_id", in = ParameterIn.QUERY, description = "the doctor's id",
            schema = @Schema(type = "string", format = "uuid"))
    @Parameter(name = "_count", in = ParameterIn.QUERY, description = "page size, 1-100 (default 20)",
            schema = @Schema(type = "integer", example = "20"))
    @Parameter(name = "_page", in = ParameterIn.QUERY, description = "page, 1 is the first",
            schema = @Schema(type = "integer", example = "1"))
    @ApiResponse(responseCode = "200", description = "Bundle (searchset)", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 Bundle")))
    @ApiResponse(responseCode = "400", description = "OperationOutcome naming the parameter", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 OperationOutcome")))
    ResponseEntity<String> practitioners(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        return doctorSearch("Practitioner", query, null, FhirResources::practitioner);
    }

    @GetMapping("/fhir/r4/PractitionerRole/{id}")
    @SecurityRequirements
    @Operation(summary = "A doctor's role as FHIR PractitionerRole (public)",
            description = "id = the doctor's id; practitioner reference, specialty (system "
                    + FhirResources.SPECIALIZATION_SYSTEM + ", code = the specialization, e.g. CARDIOLOGY) and the "
                    + "consultation fee as extension " + FhirResources.CONSULTATION_FEE_EXTENSION
                    + " (valueMoney, BDT). Unknown or inactive doctor → 404 OperationOutcome.")
    @ApiResponse(responseCode = "200", description = "PractitionerRole", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 PractitionerRole")))
    @ApiResponse(responseCode = "404", description = "OperationOutcome", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 OperationOutcome")))
    ResponseEntity<String> practitionerRole(@PathVariable String id) {
        return ok(FhirResources.practitionerRole(activeDoctor(id, "PractitionerRole")));
    }

    @GetMapping("/fhir/r4/PractitionerRole")
    @SecurityRequirements
    @Operation(summary = "Search doctors' roles as FHIR PractitionerRole (public)",
            description = "A searchset Bundle: by practitioner (Practitioner/{id}) or _id, else every active doctor; "
                    + "_count, _page as for Practitioner.")
    @Parameter(name = "practitioner", in = ParameterIn.QUERY, description = "Practitioner/{id}",
            schema = @Schema(type = "string", example = "Practitioner/3f2c0a34-9c1e-4d4b-8f2a-6a1d2b3c4d5e"))
    @Parameter(name = "_id", in = ParameterIn.QUERY, description = "the doctor's id",
            schema = @Schema(type = "string", format = "uuid"))
    @Parameter(name = "_count", in = ParameterIn.QUERY, schema = @Schema(type = "integer", example = "20"))
    @Parameter(name = "_page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", example = "1"))
    @ApiResponse(responseCode = "200", description = "Bundle (searchset)", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 Bundle")))
    @ApiResponse(responseCode = "400", description = "OperationOutcome naming the parameter", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 OperationOutcome")))
    ResponseEntity<String> practitionerRoles(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        return doctorSearch("PractitionerRole", query, "practitioner", FhirResources::practitionerRole);
    }

    @GetMapping("/fhir/r4/Schedule/{id}")
    @SecurityRequirements
    @Operation(summary = "A doctor's weekly availability as FHIR Schedule (public)",
            description = "One Schedule per doctor, id = the doctor's id: actor Practitioner/{id}, planningHorizon "
                    + "today .. today + " + FhirResources.PLANNING_HORIZON_DAYS + " days (doctor's zone), one "
                    + "extension " + FhirResources.WEEKLY_AVAILABILITY_EXTENSION + " per weekly slot (day, "
                    + "availableStartTime, availableEndTime, slotMinutes), the zone in "
                    + FhirResources.TIME_ZONE_EXTENSION + ", and the same as text in comment. Unknown or inactive "
                    + "doctor → 404 OperationOutcome.")
    @ApiResponse(responseCode = "200", description = "Schedule", content = @Content(mediaType = FHIR_JSON_TYPE,
            schema = @Schema(type = "object", description = "FHIR R4 Schedule")))
    @ApiResponse(responseCode = "404", description = "OperationOutcome", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 OperationOutcome")))
    ResponseEntity<String> schedule(@PathVariable String id) {
        Doctor doctor = activeDoctor(id, "Schedule");
        return ok(FhirResources.schedule(doctor, today(doctor)));
    }

    @GetMapping("/fhir/r4/Schedule")
    @SecurityRequirements
    @Operation(summary = "Search doctors' Schedules (public)",
            description = "A searchset Bundle: by actor (Practitioner/{id}) or _id, else every active doctor's; "
                    + "_count, _page as for Practitioner.")
    @Parameter(name = "actor", in = ParameterIn.QUERY, description = "Practitioner/{id}",
            schema = @Schema(type = "string", example = "Practitioner/3f2c0a34-9c1e-4d4b-8f2a-6a1d2b3c4d5e"))
    @Parameter(name = "_id", in = ParameterIn.QUERY, description = "the doctor's id",
            schema = @Schema(type = "string", format = "uuid"))
    @Parameter(name = "_count", in = ParameterIn.QUERY, schema = @Schema(type = "integer", example = "20"))
    @Parameter(name = "_page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", example = "1"))
    @ApiResponse(responseCode = "200", description = "Bundle (searchset)", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 Bundle")))
    @ApiResponse(responseCode = "400", description = "OperationOutcome naming the parameter", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 OperationOutcome")))
    ResponseEntity<String> schedules(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        return doctorSearch("Schedule", query, "actor", doctor -> FhirResources.schedule(doctor, today(doctor)));
    }

    @GetMapping("/fhir/r4/Slot/{id}")
    @SecurityRequirements
    @Operation(summary = "One start of a doctor's grid as FHIR Slot (public)",
            description = "id as in the Slot search's entries: {doctor id}-{local start yyyyMMddTHHmm}. The status "
                    + "is worked out now, as in the search. An id that names no start of the doctor's current weekly "
                    + "grid, or an unknown or inactive doctor → 404 OperationOutcome.")
    @ApiResponse(responseCode = "200", description = "Slot", content = @Content(mediaType = FHIR_JSON_TYPE,
            schema = @Schema(type = "object", description = "FHIR R4 Slot")))
    @ApiResponse(responseCode = "404", description = "OperationOutcome", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 OperationOutcome")))
    ResponseEntity<String> slot(@PathVariable String id) {
        SlotKey key = FhirResources.slotKey(id).orElseThrow(() -> new ResourceNotFoundException("Slot"));
        LocalDate date = key.start().toLocalDate();
        Instant now = clock.instant();
        return availability.range(key.doctorId(), date, date.plusDays(1)).offers().stream()
                .filter(offer -> offer.time().startsAt().toLocalDateTime().equals(key.start()))
                .findFirst()
                .map(offer -> ok(FhirResources.slot(key.doctorId(), offer.time(), offer.free(), now)))
                .orElseThrow(() -> new ResourceNotFoundException("Slot"));
    }

    @GetMapping("/fhir/r4/Slot")
    @SecurityRequirements
    @Operation(summary = "A doctor's Slots in a date range (public)",
            description = """
                    A searchset Bundle with every start of the doctor's weekly grid in the dates [ge, lt) (the \
                    doctor's time zone), by start: status free (bookable now, exactly what the availability API \
                    offers), busy (an active appointment holds it) or busy-unavailable (its start is not after now); \
                    start/end with the zone's offset; schedule Schedule/{id}. Days off have no Slots. Not paged: \
                    the range is at most 31 days. Missing schedule, missing/malformed/inverted range or one over 31 \
                    days, unknown parameters → 400 OperationOutcome naming the parameter; an unknown or inactive \
                    doctor → an empty Bundle.""")
    @Parameter(name = "schedule", in = ParameterIn.QUERY, required = true, description = "Schedule/{doctor id}",
            schema = @Schema(type = "string", example = "Schedule/3f2c0a34-9c1e-4d4b-8f2a-6a1d2b3c4d5e"))
    @Parameter(name = "start", in = ParameterIn.QUERY, required = true,
            description = "give it twice: start=geYYYY-MM-DD (from, inclusive) and start=ltYYYY-MM-DD (until, "
                    + "exclusive), e.g. start=ge2030-01-15&start=lt2030-01-22; gt/le also work",
            schema = @Schema(type = "string", example = "ge2030-01-15"))
    @ApiResponse(responseCode = "200", description = "Bundle (searchset) of Slot", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 Bundle")))
    @ApiResponse(responseCode = "400", description = "OperationOutcome naming the parameter", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 OperationOutcome")))
    ResponseEntity<String> slots(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        SearchParameters parameters = SearchParameters.of(query, Set.of("schedule", "start"), Set.of("start"));
        UUID doctorId = parameters.reference("schedule", "Schedule")
                .orElseThrow(() -> new InvalidSearchException("schedule", "Required: schedule=Schedule/{id}."));
        DateRange range = parameters.startRange();
        List<Resource> slots;
        try {
            RangeAvailability offers = availability.range(doctorId, range.from(), range.until());
            Instant now = clock.instant();
            slots = offers.offers().stream()
                    .map(offer -> (Resource) FhirResources.slot(doctorId, offer.time(), offer.free(), now))
                    .toList();
        } catch (ResourceNotFoundException unknownDoctor) {
            slots = List.of();
        }
        return ok(Searchsets.of(base(), "Slot", query, slots, slots.size(), 1, Math.max(slots.size(), 1)));
    }

    // ------------------------------------------------------------------------------------------------ appointments

    @GetMapping("/fhir/r4/Appointment/{id}")
    @Operation(summary = "An appointment as FHIR Appointment (its patient, its doctor, ADMIN)",
            description = """
                    status: PENDING → pending, CONFIRMED → booked, CANCELLED → cancelled, COMPLETED → fulfilled, \
                    NO_SHOW → noshow; start/end, minutesDuration, created, meta.versionId (the appointment's \
                    version), participants Patient/{id} and Practitioner/{id} (references only). Never notes, \
                    symptoms, prescription, cancellation reason or names. Another user's appointment, an unknown \
                    one or an id that is not a UUID → 404 OperationOutcome.""")
    @ApiResponse(responseCode = "200", description = "Appointment", content = @Content(mediaType = FHIR_JSON_TYPE,
            schema = @Schema(type = "object", description = "FHIR R4 Appointment")))
    @ApiResponse(responseCode = "404", description = "OperationOutcome", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 OperationOutcome")))
    ResponseEntity<String> appointment(@PathVariable String id, @Parameter(hidden = true) CurrentUser caller) {
        Appointment appointment = appointments.get(caller, PathIds.parse(id, "Appointment")).appointment();
        return ResponseEntity.ok().contentType(FHIR_JSON).cacheControl(CacheControl.noStore().cachePrivate())
                .body(json(FhirResources.appointment(appointment)));
    }

    @GetMapping("/fhir/r4/Appointment")
    @Operation(summary = "Search the caller's appointments as FHIR Appointment (PATIENT, DOCTOR own; ADMIN all)",
            description = "A searchset Bundle by start: a patient's and a doctor's own appointments, every one for "
                    + "ADMIN; patient, practitioner, status and date narrow it (never widen it); _id finds one "
                    + "(empty when not the caller's). date is the appointment's date in the doctor's time zone: "
                    + "date=2026-12-03, or bounds such as date=ge2026-12-01&date=lt2026-12-08 (ge, gt, lt, le). "
                    + "Paged with _count (1-100, default 20) and _page, links self and next.")
    @Parameter(name = "_id", in = ParameterIn.QUERY, description = "the appointment's id",
            schema = @Schema(type = "string", format = "uuid"))
    @Parameter(name = "patient", in = ParameterIn.QUERY, description = "Patient/{id}",
            schema = @Schema(type = "string", example = "Patient/3f2c0a34-9c1e-4d4b-8f2a-6a1d2b3c4d5e"))
    @Parameter(name = "practitioner", in = ParameterIn.QUERY, description = "Practitioner/{id}",
            schema = @Schema(type = "string", example = "Practitioner/3f2c0a34-9c1e-4d4b-8f2a-6a1d2b3c4d5e"))
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "pending, booked, cancelled, fulfilled or noshow",
            schema = @Schema(type = "string", example = "booked"))
    @Parameter(name = "date", in = ParameterIn.QUERY, description = "YYYY-MM-DD with an optional prefix eq, ge, gt, "
            + "lt or le; twice for a range", schema = @Schema(type = "string", example = "ge2026-12-01"))
    @Parameter(name = "_count", in = ParameterIn.QUERY, schema = @Schema(type = "integer", example = "20"))
    @Parameter(name = "_page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", example = "1"))
    @ApiResponse(responseCode = "200", description = "Bundle (searchset) of Appointment", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 Bundle")))
    @ApiResponse(responseCode = "400", description = "OperationOutcome naming the parameter", content = @Content(
            mediaType = FHIR_JSON_TYPE, schema = @Schema(type = "object", description = "FHIR R4 OperationOutcome")))
    ResponseEntity<String> appointments(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
                                        @Parameter(hidden = true) CurrentUser caller) {
        SearchParameters parameters = SearchParameters.of(query,
                Set.of("_id", "patient", "practitioner", "status", "date", "_count", "_page"), Set.of("date"));
        Optional<UUID> id = parameters.id("_id");
        UUID patient = parameters.reference("patient", "Patient").orElse(null);
        UUID doctor = parameters.reference("practitioner", "Practitioner").orElse(null);
        AppointmentStatus status = parameters.text("status").map(code -> FhirResources.appointmentStatus(code)
                .orElseThrow(() -> new InvalidSearchException("status",
                        "Must be one of pending, booked, cancelled, fulfilled, noshow."))).orElse(null);
        SearchParameters.DateBounds dates = parameters.dateBounds("date");
        int count = parameters.count();
        int page = parameters.page();
        List<Resource> matches;
        long total;
        if (id.isPresent()) {
            Optional<Appointment> found = visible(caller, id.get())
                    .filter(a -> patient == null || a.patientId().equals(patient))
                    .filter(a -> doctor == null || a.doctorId().equals(doctor))
                    .filter(a -> status == null || a.status() == status)
                    .filter(a -> dates.from() == null || !a.date().isBefore(dates.from()))
                    .filter(a -> dates.to() == null || !a.date().isAfter(dates.to()));
            total = found.isPresent() ? 1 : 0;
            matches = page == 1 ? found.map(a -> (Resource) FhirResources.appointment(a)).stream().toList()
                    : List.of();
        } else {
            AppointmentQueries.Page found = appointments.list(caller, new ListRequest(
                    status == null ? null : status.name(), doctor, patient, dates.from(), dates.to(), "starts_at"),
                    new PageQuery(page, count));
            total = found.count();
            matches = found.appointments().stream().map(a -> (Resource) FhirResources.appointment(a)).toList();
        }
        return ResponseEntity.ok().contentType(FHIR_JSON).cacheControl(CacheControl.noStore().cachePrivate())
                .body(json(Searchsets.of(base(), "Appointment", query, matches, total, page, count)));
    }

    // ------------------------------------------------------------------------------------------------ errors

    @ExceptionHandler(InvalidSearchException.class)
    ResponseEntity<String> invalidSearch(InvalidSearchException e) {
        return outcome(HttpStatus.BAD_REQUEST, e.getMessage().startsWith("Unknown search parameter")
                ? OperationOutcome.IssueType.NOTSUPPORTED : OperationOutcome.IssueType.INVALID, e.parameter(),
                e.getMessage());
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    ResponseEntity<String> notFound(ResourceNotFoundException e) {
        return outcome(HttpStatus.NOT_FOUND, OperationOutcome.IssueType.NOTFOUND, null, e.getMessage());
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<String> invalidFields(InvalidFieldsException e) {
        OperationOutcome outcome = new OperationOutcome();
        e.errors().forEach((field, messages) -> messages.forEach(message -> outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
                .setDiagnostics(message).addExpression(field)));
        return ResponseEntity.badRequest().contentType(FHIR_JSON).body(json(outcome));
    }

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<String> problem(ApiProblemException e) {
        return outcome(e.status(), OperationOutcome.IssueType.PROCESSING, null, e.getMessage());
    }

    private ResponseEntity<String> outcome(HttpStatus status, OperationOutcome.IssueType type, String parameter,
                                           String message) {
        return ResponseEntity.status(status).contentType(FHIR_JSON)
                .body(json(FhirResources.outcome(type, parameter, message)));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * The directory's searches: by {@code _id} or {@code reference} (a Practitioner reference) one doctor, else a
     * page of every active doctor.
     */
    private ResponseEntity<String> doctorSearch(String type, MultiValueMap<String, String> query, String reference,
                                                Function<Doctor, Resource> resource) {
        Set<String> supported = reference == null ? Set.of("_id", "_count", "_page")
                : Set.of("_id", reference, "_count", "_page");
        SearchParameters parameters = SearchParameters.of(query, supported, Set.of());
        Optional<UUID> id = parameters.id("_id");
        Optional<UUID> referenced = reference == null ? Optional.empty()
                : parameters.reference(reference, "Practitioner");
        int count = parameters.count();
        int page = parameters.page();
        List<Resource> matches;
        long total;
        if (id.isPresent() || referenced.isPresent()) {
            boolean same = id.isEmpty() || referenced.isEmpty() || id.get().equals(referenced.get());
            Optional<Doctor> doctor = same ? doctors.find(id.orElseGet(referenced::get)).filter(Doctor::active)
                    : Optional.empty();
            total = doctor.isPresent() ? 1 : 0;
            matches = page == 1 ? doctor.map(resource).stream().toList() : List.of();
        } else {
            total = doctors.countActive();
            long offset = (long) (page - 1) * count;
            matches = offset >= total ? List.of()
                    : doctors.active(offset, count).stream().map(resource).toList();
        }
        return ok(Searchsets.of(base(), type, query, matches, total, page, count));
    }

    private Doctor activeDoctor(String id, String type) {
        return doctors.find(PathIds.parse(id, type)).filter(Doctor::active)
                .orElseThrow(() -> new ResourceNotFoundException(type));
    }

    private Optional<Appointment> visible(CurrentUser caller, UUID id) {
        try {
            return Optional.of(appointments.get(caller, id).appointment());
        } catch (ApiProblemException notTheCallers) {
            return Optional.empty();
        }
    }

    private LocalDate today(Doctor doctor) {
        return LocalDate.now(clock.withZone(doctor.schedule().zone()));
    }

    private ResponseEntity<String> ok(IBaseResource resource) {
        return ResponseEntity.ok().contentType(FHIR_JSON).body(json(resource));
    }

    private String json(IBaseResource resource) {
        return fhir.newJsonParser().encodeResourceToString(resource);
    }

    /** The server's base as the client reached it (the gateway's forwarded address) or as configured. */
    private String base() {
        String root = publicBaseUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().replaceQuery(null).build().toUriString()
                : publicBaseUrl;
        return root + "/fhir/r4";
    }
}
