package org.careslot.reporting.report.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.careslot.platform.web.paging.PageQuery;
import org.careslot.platform.web.paging.PageResponse;
import org.careslot.platform.web.problem.FieldErrors;
import org.careslot.platform.web.problem.FieldMessages;
import org.careslot.platform.web.problem.ForbiddenException;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.careslot.platform.web.request.PathIds;
import org.careslot.platform.web.security.CurrentUser;
import org.careslot.reporting.report.MonthClose;
import org.careslot.reporting.report.MonthlyReport;
import org.careslot.reporting.report.ReportQueries;
import org.careslot.reporting.report.domain.ReportMonth;
import org.careslot.reporting.report.domain.ReportReader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Reports")
class ReportController {

    static final String MONTH_FORMAT = "Must be a month YYYY-MM.";

    private static final String ACCESS = """
            A DOCTOR reads only their own reports; another doctor's answers 404 (as if it did not exist), an \
            unknown doctor too. ADMIN reads every doctor's. Any other role (PATIENT) → 403.""";

    private static final String FIELDS = """
            A report: {doctor_id, month, total_appointments, pending, confirmed, completed, cancelled, no_show, \
            unique_patients, earnings, final, generated_at}. It counts every appointment whose start falls in the \
            month in the doctor's time zone (the zone the appointment was booked in) once, under its current \
            status; unique_patients are the distinct patients of those appointments (any status); earnings = the \
            sum of the booked fees of the COMPLETED ones (BDT, 2 decimals). Folded live from booking.appointment.v1: \
            a change shows within about a second. final turns true when the month is closed (00:00 on the 1st of \
            the next month, Asia/Dhaka, configurable), generated_at is when the final report was generated (null \
            before); a late change of a closed month corrects the report, stamps generated_at again and publishes \
            it again on reporting.monthly-report.v1.""";

    /** {@code POST /api/v1/reports/monthly/close/{month}/} answers this. */
    record CloseResponse(String month, int reports, Instant closedAt) {
    }

    private final ReportQueries queries;
    private final MonthClose close;

    ReportController(ReportQueries queries, MonthClose close) {
        this.queries = queries;
        this.close = close;
    }

    @GetMapping(value = "/api/v1/reports/monthly/{doctor_id}/{month}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One doctor's monthly report (that DOCTOR, ADMIN); Accept: text/csv gives CSV",
            description = FIELDS + "\n\nA month without appointments of a known doctor answers zeros (not 404). "
                    + "A doctor_id that is not a UUID or a month that is not YYYY-MM cannot name a report: 404. "
                    + ACCESS)
    @ApiResponse(responseCode = "200", description = "the report; with Accept: text/csv an RFC 4180 table (header "
            + "row + one row, CRLF line ends)", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ReportResponse.class)),
            @Content(mediaType = CsvTable.MEDIA_TYPE, schema = @Schema(type = "string"))})
    ReportResponse one(@PathVariable("doctor_id") String doctorId, @PathVariable String month,
                       @Parameter(hidden = true) CurrentUser caller) {
        return ReportResponse.of(find(doctorId, month, caller));
    }

    @GetMapping(value = "/api/v1/reports/monthly/{doctor_id}/{month}", produces = CsvTable.MEDIA_TYPE)
    @Operation(hidden = true)
    ResponseEntity<String> oneAsCsv(@PathVariable("doctor_id") String doctorId, @PathVariable String month,
                                    @Parameter(hidden = true) CurrentUser caller) {
        MonthlyReport report = find(doctorId, month, caller);
        ReportResponse row = ReportResponse.of(report);
        return csv(CsvTable.of(ReportResponse.CSV_HEADER, List.of(row.csvRow())),
                "report-" + report.doctorId() + "-" + report.month() + ".csv");
    }

    @GetMapping(value = "/api/v1/reports/monthly", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List monthly reports (DOCTOR own, ADMIN all); Accept: text/csv gives CSV",
            description = FIELDS + """


                    Filters month=YYYY-MM and doctor_id, both optional; newest month first, then by doctor_id; \
                    paginated with page and page_size. Lists the months a doctor has appointments in, and after a \
                    month's close every known doctor's (zeros included). A doctor's doctor_id filter only narrows \
                    their own reports (another doctor's id → an empty list). A malformed filter → 400 naming it. \
                    With Accept: text/csv: every matching report (no pagination) as an RFC 4180 table with a header \
                    row. """ + ACCESS)
    @ApiResponse(responseCode = "200", description = "a page of reports; with Accept: text/csv all of them")
    PageResponse<ReportResponse> list(@RequestParam(required = false) String month,
                                      @RequestParam(name = "doctor_id", required = false) String doctorId,
                                      @RequestParam(required = false) String page,
                                      @RequestParam(name = "page_size", required = false) String pageSize,
                                      @Parameter(hidden = true) CurrentUser caller) {
        Filters filters = Filters.of(month, doctorId);
        PageQuery query = PageQuery.of(page, pageSize);
        ReportQueries.Found found = queries.list(reader(caller), filters.doctorId(), filters.month(), query.offset(),
                query.pageSize());
        return PageResponse.of(found.reports().stream().map(ReportResponse::of).toList(), found.count(), query);
    }

    @GetMapping(value = "/api/v1/reports/monthly", produces = CsvTable.MEDIA_TYPE)
    @Operation(hidden = true)
    ResponseEntity<String> listAsCsv(@RequestParam(required = false) String month,
                                     @RequestParam(name = "doctor_id", required = false) String doctorId,
                                     @Parameter(hidden = true) CurrentUser caller) {
        Filters filters = Filters.of(month, doctorId);
        ReportQueries.Found found = queries.list(reader(caller), filters.doctorId(), filters.month(), 0, null);
        return csv(CsvTable.of(ReportResponse.CSV_HEADER,
                        found.reports().stream().map(report -> ReportResponse.of(report).csvRow()).toList()),
                "reports" + (filters.month() == null ? "" : "-" + filters.month()) + ".csv");
    }

    @GetMapping("/api/v1/reports/summary")
    @Operation(summary = "Totals of a month over all doctors (ADMIN)",
            description = """
                    month=YYYY-MM is required (400 naming it when missing or malformed). Answers {month, doctors, \
                    total_appointments, pending, confirmed, completed, cancelled, no_show, unique_patients, \
                    earnings, final}: the doctors' reports added up, doctors = doctors with at least one \
                    appointment that month, unique_patients distinct over all doctors, final once the month is \
                    closed. A month without appointments answers zeros. DOCTOR and PATIENT → 403.""")
    SummaryResponse summary(@RequestParam(required = false) String month,
                            @Parameter(hidden = true) CurrentUser caller) {
        FieldErrors errors = new FieldErrors();
        YearMonth parsed = parseMonth(month, true, errors);
        errors.throwIfAny();
        return SummaryResponse.of(queries.summary(reader(caller), parsed));
    }

    @PostMapping("/api/v1/reports/monthly/close/{month}")
    @Operation(summary = "Close a month now, or again (ADMIN)",
            description = """
                    Re-runs the month close for an ended month (in the close's zone, default Asia/Dhaka): every \
                    known doctor's report of the month becomes final, is stamped generated_at and published again \
                    on reporting.monthly-report.v1 as its next version — also when the scheduled close did it \
                    before. Answers {month, reports (how many were published), closed_at}. A month that has not \
                    ended yet → 409; a month that is not YYYY-MM → 404. DOCTOR and PATIENT → 403.""")
    CloseResponse closeMonth(@PathVariable String month, @Parameter(hidden = true) CurrentUser caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only admins close months.");
        }
        YearMonth parsed = ReportMonth.parse(month).orElseThrow(() -> new ResourceNotFoundException("Month"));
        MonthClose.Outcome outcome = close.rerun(parsed);
        return new CloseResponse(outcome.month().toString(), outcome.reports(), outcome.closedAt());
    }

    private MonthlyReport find(String doctorId, String month, CurrentUser caller) {
        UUID doctor = PathIds.parse(doctorId, "Report");
        YearMonth parsed = ReportMonth.parse(month).orElseThrow(() -> new ResourceNotFoundException("Report"));
        return queries.one(reader(caller), doctor, parsed);
    }

    private static ReportReader reader(CurrentUser caller) {
        return new ReportReader(caller.id(), caller.isAdmin(), caller.has(CurrentUser.Role.DOCTOR));
    }

    private static ResponseEntity<String> csv(String body, String filename) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }

    private record Filters(YearMonth month, UUID doctorId) {

        static Filters of(String month, String doctorId) {
            FieldErrors errors = new FieldErrors();
            YearMonth parsed = parseMonth(month, false, errors);
            UUID doctor = null;
            if (doctorId != null && !doctorId.isBlank()) {
                doctor = PathIds.canonical(doctorId).orElse(null);
                if (doctor == null) {
                    errors.reject("doctor_id", FieldMessages.UUID);
                }
            }
            errors.throwIfAny();
            return new Filters(parsed, doctor);
        }
    }

    private static YearMonth parseMonth(String value, boolean required, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.reject("month", FieldMessages.PARAMETER_REQUIRED);
            }
            return null;
        }
        return ReportMonth.parse(value).orElseGet(() -> {
            errors.reject("month", MONTH_FORMAT);
            return null;
        });
    }
}
