package org.careslot.reporting.report;

import org.careslot.platform.testkit.TestInfrastructure;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.reporting.ReportingApplication;
import org.careslot.reporting.appointment.domain.AppointmentStatus;
import org.careslot.reporting.report.domain.MonthlyFigures;
import org.careslot.reporting.support.AppointmentStream;
import org.careslot.reporting.support.ReportingIntegrationTest;
import org.careslot.reporting.support.TestAppointment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reports are derived data: a second instance with an empty database and a consumer group of its own reads
 * booking.appointment.v1 and doctor.profile.v1 from offset 0 (redeliveries and all) and computes the same reports as
 * the instance that folded the events live.
 */
class ReplayFromOffsetZeroTest extends ReportingIntegrationTest {

    static final List<YearMonth> MONTHS = List.of(YearMonth.of(2037, 5), YearMonth.of(2037, 6));
    static final Duration REPLAY = Duration.ofSeconds(120);

    @Test
    void anEmptyInstanceReplayingTheTopicsFromOffsetZeroComputesIdenticalReports() {
        Random random = new Random(12);
        List<UUID> doctors = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<UUID> patients = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID());
        doctors.forEach(doctor -> UpstreamEvents.publishDoctor(doctor, KafkaFoldingTest.doctorData(doctor), 1));
        int events = doctors.size();
        int redelivered = 0;
        int appointments = 60;
        // per doctor and month: total, pending, confirmed, completed, cancelled — known once every event is folded
        Map<String, List<Integer>> statusCounts = new LinkedHashMap<>();
        for (int i = 0; i < appointments; i++) {
            YearMonth month = MONTHS.get(random.nextInt(MONTHS.size()));
            UUID doctor = doctors.get(random.nextInt(doctors.size()));
            TestAppointment booked = TestAppointment.booked(doctor,
                    patients.get(random.nextInt(patients.size())),
                    month.atDay(1 + random.nextInt(28)) + "T" + String.format("%02d", 9 + random.nextInt(8))
                            + ":00:00+06:00", "500.00");
            List<UpstreamEvents.Sent> sent = new ArrayList<>();
            sent.add(AppointmentStream.publish("appointment.booked", booked, 1));
            long sequence = 1;
            switch (random.nextInt(4)) {
                case 0 -> { }
                case 1 -> sent.add(AppointmentStream.publish("appointment.cancelled",
                        booked.with(AppointmentStatus.CANCELLED), ++sequence));
                default -> {
                    sent.add(AppointmentStream.publish("appointment.confirmed",
                            booked.with(AppointmentStatus.CONFIRMED), ++sequence));
                    if (random.nextBoolean()) {
                        sent.add(AppointmentStream.publish("appointment.completed",
                                booked.with(AppointmentStatus.COMPLETED), ++sequence));
                    }
                }
            }
            events += sent.size();
            int status = switch (sent.size()) {
                case 1 -> 1;
                case 2 -> sent.get(1).type().equals("appointment.cancelled") ? 4 : 2;
                default -> 3;
            };
            List<Integer> counts = statusCounts.computeIfAbsent(doctor + " " + month,
                    key -> new ArrayList<>(List.of(0, 0, 0, 0, 0)));
            counts.set(0, counts.get(0) + 1);
            counts.set(status, counts.get(status) + 1);
            if (random.nextInt(5) == 0) {
                // at-least-once delivery: some events are on the topic twice
                UpstreamEvents.send(sent.get(random.nextInt(sent.size())));
                redelivered++;
            }
        }
        int total = appointments;
        await().atMost(REPLAY).pollInterval(Duration.ofMillis(200))
                .until(() -> statusCountsOf(allFigures(this::liveFigures, doctors)).equals(statusCounts));
        Map<String, MonthlyFigures> live = allFigures(this::liveFigures, doctors);

        String database = "reporting_replay_" + Long.toString(System.nanoTime(), 36);
        TestInfrastructure.postgres().createDatabase(database);
        long begin = System.nanoTime();
        try (ConfigurableApplicationContext replica = new SpringApplicationBuilder(ReportingApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + TestInfrastructure.postgres().jdbcUrl(database),
                "--careslot.messaging.relay.slot-name=" + database + "_outbox",
                "--spring.kafka.consumer.group-id=" + database,
                "--careslot.reporting.month-close.cron=-")) {
            ReportQueries replayed = replica.getBean(ReportQueries.class);
            Figures fromReplica = (doctor, month) -> replayed.one(ADMIN, doctor, month).figures();
            try {
                // the replica has caught up once it shows what the live instance shows (or never does: fails below)
                await().atMost(REPLAY).pollInterval(Duration.ofMillis(500))
                        .until(() -> allFigures(fromReplica, doctors).equals(live));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                System.out.println("the replica's reports still differ after " + REPLAY);
            }
            Map<String, MonthlyFigures> fromZero = allFigures(fromReplica, doctors);
            int lost = Math.max(0, total - totalOf(fromReplica, doctors));
            int duplicates = Math.max(0, totalOf(fromReplica, doctors) - total);
            long differing = live.keySet().stream().filter(key -> !java.util.Objects.equals(live.get(key), fromZero.get(key))).count();
            String line = "RELIABILITY reporting replayed from offset 0: load held " + (live.size() - differing) + "/"
                    + live.size() + " reports identical (" + total + " appointments, " + events + " events + "
                    + redelivered + " redelivered), faults injected 0, events lost " + lost + ", duplicates "
                    + duplicates + " (" + (System.nanoTime() - begin) / 1_000_000 + " ms to replay)";
            System.out.println(line);
            assertThat(fromZero).as(line).isEqualTo(live);
        }
    }

    interface Figures {
        MonthlyFigures of(UUID doctor, YearMonth month);
    }

    MonthlyFigures liveFigures(UUID doctor, YearMonth month) {
        return figures(doctor, month);
    }

    static Map<String, MonthlyFigures> allFigures(Figures figures, List<UUID> doctors) {
        Map<String, MonthlyFigures> all = new LinkedHashMap<>(); // null: not known (yet)
        for (UUID doctor : doctors) {
            for (YearMonth month : MONTHS) {
                MonthlyFigures found;
                try {
                    found = figures.of(doctor, month);
                } catch (RuntimeException unknownYet) {
                    found = null;
                }
                all.put(doctor + " " + month, found);
            }
        }
        return all;
    }

    static Map<String, List<Integer>> statusCountsOf(Map<String, MonthlyFigures> figures) {
        Map<String, List<Integer>> counts = new LinkedHashMap<>();
        figures.forEach((key, found) -> {
            if (found != null && found.totalAppointments() > 0) {
                counts.put(key, List.of(found.totalAppointments(), found.pending(), found.confirmed(),
                        found.completed(), found.cancelled()));
            }
        });
        return counts;
    }

    /** Appointments counted over the doctors and months; 0 for a doctor not known yet. */
    static int totalOf(Figures figures, List<UUID> doctors) {
        int total = 0;
        for (UUID doctor : doctors) {
            for (YearMonth month : MONTHS) {
                try {
                    total += figures.of(doctor, month).totalAppointments();
                } catch (RuntimeException unknownYet) {
                    // the doctor's profile or first appointment has not been folded yet
                }
            }
        }
        return total;
    }
}
