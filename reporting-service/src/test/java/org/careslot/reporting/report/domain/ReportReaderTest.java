package org.careslot.reporting.report.domain;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReportReaderTest {

    static final UUID ME = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();

    @Test
    void aDoctorSeesOnlyTheirOwnReports() {
        ReportReader doctor = new ReportReader(ME, false, true);

        assertThat(doctor.mayReadReports()).isTrue();
        assertThat(doctor.maySee(ME)).isTrue();
        assertThat(doctor.maySee(OTHER)).isFalse();
    }

    @Test
    void anAdminSeesEveryDoctors() {
        ReportReader admin = new ReportReader(ME, true, false);

        assertThat(admin.mayReadReports()).isTrue();
        assertThat(admin.maySee(OTHER)).isTrue();
    }

    @Test
    void aPatientSeesNoReportsNotEvenUnderTheirOwnId() {
        ReportReader patient = new ReportReader(ME, false, false);

        assertThat(patient.mayReadReports()).isFalse();
        assertThat(patient.maySee(ME)).isFalse();
    }
}
