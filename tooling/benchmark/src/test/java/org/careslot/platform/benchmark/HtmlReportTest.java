package org.careslot.platform.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private static Summary summary() {
        List<TimelinePoint> timeline = List.of(new TimelinePoint(0, true, 100, 0, 1, 30, 90, 120),
                new TimelinePoint(1, false, 400, 2, 0, 20, 60, 80),
                new TimelinePoint(2, false, 420, 1, 0, 19, 55, 70));
        ScenarioResult booking = new ScenarioResult("booking", Map.of("connections", 16), 2.0,
                new LatencySummary(500, 250, 20, 40, 58, 70, 80, 22), 3, 0, Map.of(), timeline)
                .withCpu(ScenarioCpu.between(Map.of("booking-service", 1.0, "gateway", 2.0, "postgres", 3.0),
                        Map.of("booking-service", 5.5, "gateway", 6.0, "postgres", 6.0), 2.0, 500));
        ScenarioResult search = new ScenarioResult("doctor search", Map.of("connections", 16), 2.0,
                new LatencySummary(1700, 850, 15, 30, 45, 60, 70, 17), 0, 0, Map.of(), timeline);
        EventLag.Result lag = new EventLag.Result("reporting-service: monthly report updated", "x", 820, 0,
                new LatencySummary(820, 0, 12, 30, 45, 50, 60, 14));
        LoginComparison.Result login = new LoginComparison.Result(200, 10,
                new LatencySummary(200, 0, 70, 80, 90, 95, 99, 71), new LatencySummary(200, 0, 60, 70, 80, 85, 90, 61),
                new LatencySummary(200, 0, 55, 65, 75, 80, 85, 56), 26.8, 27.3, 10, 5, true);
        ProcessMemory.Peak memory = new ProcessMemory.Peak(2300, 2100,
                Map.of("gateway", new ProcessMemory.Usage(42, 1, 250, 230)), 10);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("label", "C1 + Serial <baseline>");
        settings.put("process_options", Map.of("gateway", List.of("-XX:+UseSerialGC")));
        return new Summary(settings, List.of(booking, search), List.of(lag), List.of(), login, memory,
                Targets.check(List.of(booking, search), List.of(lag), login, memory));
    }

    @Test
    void theReportIsOnePageWithAChartPerScenarioAndNothingFetchedFromElsewhere() {
        String html = HtmlReport.render(summary());

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        // latency and throughput chart for each of the two scenarios
        assertThat(html.split("<svg ", -1)).hasSize(5);
        assertThat(html.split("<polyline ", -1)).hasSize(9);
        assertThat(html).doesNotContain("<script", "<link", "src=", "@import", "url(");
        assertThat(html).contains("C1 + Serial &lt;baseline&gt;").doesNotContain("<baseline>");
        assertThat(html).contains("26.8 %").contains("monthly report updated").contains("2300");
        assertThat(html).contains("bookings/s at 16 connections").contains("class=\"missed\">missed");
    }

    @Test
    void targetsAreJudgedAgainstTheIssuesFigures() {
        List<Summary.Target> targets = summary().targets();

        assertThat(targets).extracting(Summary.Target::what).containsExactly("bookings/s at 16 connections",
                "booking p99 at 16 connections", "doctor searches/s",
                "event lag p99, reporting-service: monthly report updated",
                "login overhead of the gateway over Keycloak (mean)", "whole stack memory, PSS (peak)");
        assertThat(targets).extracting(Summary.Target::met).containsExactly(false, true, false, true, false, true);
    }

    @Test
    void theSummaryAndTheReportAreWrittenSideBySide(@TempDir Path directory) throws Exception {
        Benchmark.write(summary(), directory);

        String json = Files.readString(directory.resolve("summary.json"));
        assertThat(json).contains("\"per_second\"").doesNotContain("\"perSecond\"").contains("\"p99_ms\" : 58.0");
        assertThat(directory.resolve("report.html")).exists();
    }

    @Test
    void theSummaryTellsPerScenarioWhereTheCpuWentMostFirst(@TempDir Path directory) throws Exception {
        Benchmark.write(summary(), directory);

        JsonNode scenarios = JsonMapper.builder().build().readTree(directory.resolve("summary.json").toFile())
                .get("scenarios");
        JsonNode cpu = scenarios.get(0).get("cpu");
        assertThat(cpu.get("window_seconds").asDouble()).isEqualTo(2.0);
        assertThat(cpu.get("cores_used").asDouble()).isEqualTo(5.75);
        assertThat(cpu.get("ms_per_success_total").asDouble()).isEqualTo(23.0);
        assertThat(cpu.get("by_process").propertyNames()).containsExactly("booking-service", "gateway", "postgres");
        JsonNode bookingService = cpu.get("by_process").get("booking-service");
        assertThat(bookingService.get("cpu_seconds").asDouble()).isEqualTo(4.5);
        assertThat(bookingService.get("ms_per_success").asDouble()).isEqualTo(9.0);
        assertThat(scenarios.get(1).get("cpu").isNull()).as("not measured").isTrue();
    }

    @Test
    void eachMeasuredScenarioHasATableOfItsCpu() {
        String html = HtmlReport.render(summary());

        assertThat(html.split("<th>share %</th>", -1)).as("one table, for the one scenario measured").hasSize(2);
        assertThat(html).contains("<b>23 ms per success</b>, 5.8 cores busy")
                .contains("<tr><td>booking-service</td><td>4.5</td><td>9</td><td>39.1</td></tr>")
                .contains("<tr><th>total</th><th>11.5</th><th>23</th><th>100</th></tr>");
        assertThat(html.indexOf("<td>booking-service</td>")).isLessThan(html.indexOf("<td>gateway</td>"))
                .isLessThan(html.indexOf("<td>postgres</td>"));
    }

    @Test
    void chartCeilingsAreRoundNumbers() {
        assertThat(HtmlReport.niceCeiling(0)).isEqualTo(1);
        assertThat(HtmlReport.niceCeiling(87)).isEqualTo(100);
        assertThat(HtmlReport.niceCeiling(130)).isEqualTo(200);
        assertThat(HtmlReport.niceCeiling(410)).isEqualTo(500);
    }
}
