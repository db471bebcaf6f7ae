package org.careslot.reporting.report;

import org.careslot.platform.web.problem.ForbiddenException;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.careslot.reporting.appointment.Appointments;
import org.careslot.reporting.doctor.Doctors;
import org.careslot.reporting.report.domain.MonthlyFigures;
import org.careslot.reporting.report.domain.ReportReader;
import org.careslot.reporting.report.persistence.MonthCloseRepository;
import org.careslot.reporting.report.persistence.MonthlyReportRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Reading reports under the access rules of {@link ReportReader}. */
@Service
public class ReportQueries {

    /** A page of reports and how many there are in all. */
    public record Found(List<MonthlyReport> reports, long count) {
    }

    /** A month over all doctors. */
    public record Summary(YearMonth month, int doctors, MonthlyFigures figures, boolean isFinal) {
    }

    private final MonthlyReportRepository reports;
    private final MonthCloseRepository closes;
    private final Doctors doctors;
    private final Appointments appointments;

    public ReportQueries(MonthlyReportRepository reports, MonthCloseRepository closes, Doctors doctors,
                         Appointments appointments) {
        this.reports = reports;
        this.closes = closes;
        this.doctors = doctors;
        this.appointments = appointments;
    }

    /**
     * One doctor's month; zeros for a month without appointments of a known doctor.
     *
     * @throws ForbiddenException        for readers who may read no reports
     * @throws ResourceNotFoundException for an unknown doctor, or one the reader may not see
     */
    @Transactional(readOnly = true)
    public MonthlyReport one(ReportReader reader, UUID doctorId, YearMonth month) {
        requireReader(reader);
        if (!reader.maySee(doctorId)) {
            throw notFound();
        }
        return reports.find(doctorId, month).orElseGet(() -> {
            if (!doctors.isKnown(doctorId)) {
                throw notFound();
            }
            return MonthlyReport.empty(doctorId, month, closes.isClosed(month));
        });
    }

    /**
     * Stored reports, newest month first: a doctor's own only (a doctor filtering by another doctor gets none),
     * an admin's any. {@code offset}/{@code limit} page them; {@code limit} null for all.
     */
    @Transactional(readOnly = true)
    public Found list(ReportReader reader, UUID doctorId, YearMonth month, long offset, Integer limit) {
        requireReader(reader);
        if (doctorId != null && !reader.maySee(doctorId)) {
            return new Found(List.of(), 0);
        }
        UUID only = reader.admin() ? doctorId : reader.id();
        return new Found(reports.list(only, month, offset, limit), reports.count(only, month));
    }

    /** @throws ForbiddenException for anyone but admins */
    @Transactional(readOnly = true)
    public Summary summary(ReportReader reader, YearMonth month) {
        if (!reader.admin()) {
            throw new ForbiddenException("Only admins see the totals over all doctors.");
        }
        MonthlyReportRepository.Totals totals = reports.totals(month);
        MonthlyFigures sums = totals.figures();
        MonthlyFigures figures = new MonthlyFigures(sums.totalAppointments(), sums.pending(), sums.confirmed(),
                sums.completed(), sums.cancelled(), sums.noShow(), appointments.patientsIn(month), sums.earnings());
        return new Summary(month, totals.doctors(), figures, closes.isClosed(month));
    }

    private static void requireReader(ReportReader reader) {
        if (!reader.mayReadReports()) {
            throw new ForbiddenException("Reports are for doctors (their own) and admins.");
        }
    }

    private static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException("Report");
    }
}
