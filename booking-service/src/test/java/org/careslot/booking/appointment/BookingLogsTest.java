package org.careslot.booking.appointment;

import org.careslot.booking.fixtures.Actor;
import org.careslot.booking.fixtures.BookingIntegrationTest;
import org.careslot.booking.fixtures.DoctorProfile;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.careslot.platform.testkit.logs.EcsLogLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking service's log lines are ECS JSON with its name and, within a request, the request's trace, and the
 * medical fields (symptoms, prescription) never appear in them — with DEBUG on for the web, security and Kafka
 * packages (switched at run time, so the shared test context is reused).
 */
@ExtendWith(OutputCaptureExtension.class)
class BookingLogsTest extends BookingIntegrationTest {

    static final List<String> DEBUG_PACKAGES = List.of("org.springframework.web", "org.springframework.security",
            "org.springframework.kafka", "org.apache.kafka.clients", "org.careslot");

    private LoggingSystem logging() {
        return LoggingSystem.get(getClass().getClassLoader());
    }

    @AfterEach
    void quiet() {
        DEBUG_PACKAGES.forEach(name -> logging().setLogLevel(name, null));
    }

    @Test
    void logLinesCarryTheServiceAndTraceAndNeverTheMedicalFields(CapturedOutput output) {
        // the JSON check covers what the application logs during these actions; earlier output of the test JVM
        // (e.g. Mockito's self-attach notice, printed by Mockito itself) is not a log line of the service
        // the first request initialises the DispatcherServlet on a request thread, before any trace exists
        http.get("/actuator/health", null);
        int start = output.getAll().length();
        Actor doctor = Actor.doctor();
        Actor patient = Actor.patient();
        publish(DoctorProfile.of(doctor.id()).everyDay("09:00", "17:00", 30), 1);
        DEBUG_PACKAGES.forEach(name -> logging().setLogLevel(name, LogLevel.DEBUG));
        String symptoms = "Throbbing migraine behind the left eye since 4471 days";
        String prescription = "Sumatriptan 50 mg, rx-code 88231, twice daily";
        LocalDate day = daysAhead(2);

        Map<String, Object> body = booking(doctor.id(), day, "10:00");
        body.put("symptoms", symptoms);
        Answer booked = http.post("/api/v1/appointments/", body, patient.token());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String id = booked.text("id");
        assertThat(http.post("/api/v1/appointments/" + id + "/confirm/", null, doctor.token()).status()).isEqualTo(200);
        clock.setTo(day.plusDays(1).atStartOfDay(ZoneId.of("Asia/Dhaka")).toInstant());
        Answer completed = http.post("/api/v1/appointments/" + id + "/complete/",
                Map.of("prescription", prescription), doctor.token());
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        Answer read = http.get("/api/v1/appointments/" + id + "/", patient.token());
        assertThat(read.body()).contains(symptoms, prescription);

        String all = output.getAll();
        assertThat(all).doesNotContain(symptoms, prescription, "4471 days", "rx-code 88231",
                patient.token(), doctor.token());
        List<JsonNode> inRequests = EcsLogLines.of(all.substring(start)).allFrom("booking-service")
                .requestLinesWithTraceAndSpan();
        assertThat(inRequests).anyMatch(line -> read.header("X-Trace-Id").equals(EcsLogLines.traceId(line)));
    }
}
