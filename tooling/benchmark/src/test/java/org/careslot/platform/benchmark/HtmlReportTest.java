package org.careslot.platform.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private static Summary summary() {
        List<TimelinePoint> timeline = List.of(new TimelinePoint(0, true, 100, 0, 1, 30, 90, 120),
                new TimelinePoint(1, false, 400, 2, 0, 20, 60, 80),
                new TimelinePoint(2, false, 420, 1, 0, 19, 55, 70));
        ScenarioResult booking = new ScenarioResult("booking", Map.of("connections", 16), 2.0,
                new LatencySummary(820, 410, 20, 40, 58, 70, 80, 22), 3, 0, Map.of(), timeline);
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
    void chartCeilingsAreRoundNumbers() {
        assertThat(HtmlReport.niceCeiling(0)).isEqualTo(1);
        assertThat(HtmlReport.niceCeiling(87)).isEqualTo(100);
        assertThat(HtmlReport.niceCeiling(130)).isEqualTo(200);
        assertThat(HtmlReport.niceCeiling(410)).isEqualTo(500);
    }
}
