package org.careslot.platform.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A self-contained HTML page of one run (no script, no stylesheet or font from anywhere else): settings, targets, a
 * table per kind of figure and, per scenario, inline SVG charts of latency (p50, p99 of each second) and successes
 * per second over time, warm-up shaded, and a table of where the CPU of its measured window went.
 */
public final class HtmlReport {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 200;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;

    private HtmlReport() {
    }

    public static String render(Summary summary) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>CareSlot benchmark</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1000px}")
                .append("table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:right;font-size:13px}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}")
                .append(".met{color:#176f2c}.missed{color:#b00020;font-weight:bold}")
                .append("svg{background:#fff;border:1px solid #ddd;margin:4px 0}code{font-size:12px}")
                .append("</style></head><body>\n<h1>CareSlot benchmark</h1>\n");
        settings(html, summary.settings());
        targets(html, summary.targets());
        scenarios(html, summary.scenarios());
        lag(html, "Event lag under the 16-connection booking load", summary.eventLag());
        lag(html, "Event lag of paced bookings (platform not saturated)", summary.eventLagUnloaded());
        login(html, summary.login());
        memory(html, summary.memory());
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void settings(StringBuilder html, Map<String, Object> settings) {
        html.append("<h2>Settings</h2><table>");
        settings.forEach((name, value) -> {
            if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> row(html, name + ": " + k, "<code>" + esc(String.valueOf(v)) + "</code>"));
            } else {
                row(html, name, esc(String.valueOf(value)));
            }
        });
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String name, String valueHtml) {
        html.append("<tr><th>").append(esc(name)).append("</th><td style=\"text-align:left\">").append(valueHtml)
                .append("</td></tr>");
    }

    private static void targets(StringBuilder html, List<Summary.Target> targets) {
        if (targets.isEmpty()) {
            return;
        }
        html.append("<h2>Targets</h2><table><tr><th>what</th><th>target</th><th>measured</th><th></th></tr>");
        for (Summary.Target t : targets) {
            html.append("<tr><td>").append(esc(t.what())).append("</td><td>").append(esc(t.goal())).append("</td><td>")
                    .append(num(t.measured())).append(' ').append(esc(t.unit())).append("</td><td class=\"")
                    .append(t.met() ? "met\">met" : "missed\">missed").append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private static void scenarios(StringBuilder html, List<ScenarioResult> scenarios) {
        if (scenarios.isEmpty()) {
            return;
        }
        html.append("<h2>Throughput and latency</h2><table><tr><th>scenario</th><th>connections</th><th>seconds</th>")
                .append("<th>ok/s</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th>")
                .append("<th>conflicts</th><th>errors</th></tr>");
        for (ScenarioResult s : scenarios) {
            html.append("<tr><td>").append(esc(s.name())).append("</td><td>").append(s.settings().get("connections"))
                    .append("</td><td>").append(num(s.measuredSeconds())).append("</td><td>")
                    .append(num(s.ok().perSecond())).append("</td><td>").append(num(s.ok().p50Ms())).append("</td><td>")
                    .append(num(s.ok().p95Ms())).append("</td><td>").append(num(s.ok().p99Ms())).append("</td><td>")
                    .append(num(s.ok().maxMs())).append("</td><td>").append(s.conflicts()).append("</td><td>")
                    .append(s.errors()).append(s.errorsByKind().isEmpty() ? "" : " " + esc(s.errorsByKind().toString()))
                    .append("</td></tr>");
        }
        html.append("</table>\n");
        for (ScenarioResult s : scenarios) {
            html.append("<h3>").append(esc(s.name())).append(", ").append(s.settings().get("connections"))
                    .append(" connections</h3>\n");
            html.append(chart("latency of each second (ms): p50 blue, p99 red; warm-up shaded", s.timeline(),
                    List.of(TimelinePoint::p50Ms, TimelinePoint::p99Ms), List.of("#1f5fbf", "#c0392b")));
            html.append(chart("successes per second (green), conflicts + errors (orange)", s.timeline(),
                    List.of(p -> p.ok(), p -> p.conflicts() + p.errors()), List.of("#2e8b57", "#e67e22")));
            cpu(html, s.cpu());
        }
    }

    /** Where the measured window's CPU went: one row per process, most first, and the total. */
    static void cpu(StringBuilder html, ScenarioCpu cpu) {
        if (cpu == null || cpu.byProcess().isEmpty()) {
            return;
        }
        html.append("<p>CPU of the measured window (").append(num(cpu.windowSeconds())).append(" s): <b>")
                .append(num(cpu.msPerSuccessTotal())).append(" ms per success</b>, ").append(num(cpu.coresUsed()))
                .append(" cores busy</p><table><tr><th>process</th><th>CPU s</th><th>ms per success</th>")
                .append("<th>share %</th></tr>");
        cpu.byProcess().forEach((name, use) -> html.append("<tr><td>").append(esc(name)).append("</td><td>")
                .append(num(use.cpuSeconds())).append("</td><td>").append(num(use.msPerSuccess())).append("</td><td>")
                .append(num(cpu.sharePercent(use))).append("</td></tr>"));
        html.append("<tr><th>total</th><th>").append(num(cpu.cpuSecondsTotal())).append("</th><th>")
                .append(num(cpu.msPerSuccessTotal())).append("</th><th>100</th></tr></table>\n");
    }

    /** One SVG line chart over the timeline: one polyline per series, y from 0 to a rounded maximum. */
    static String chart(String title, List<TimelinePoint> points, List<ToDoubleFunction<TimelinePoint>> series,
                        List<String> colours) {
        double max = 0;
        for (TimelinePoint p : points) {
            for (ToDoubleFunction<TimelinePoint> s : series) {
                max = Math.max(max, s.applyAsDouble(p));
            }
        }
        max = niceCeiling(max);
        int n = Math.max(points.size() - 1, 1);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT + 16).append("\" role=\"img\"><title>").append(esc(title)).append("</title>");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT + 12)
                .append("\" font-size=\"11\" fill=\"#555\">").append(esc(title)).append("</text>");
        int warmUpEnd = 0;
        while (warmUpEnd < points.size() && points.get(warmUpEnd).warmUp()) {
            warmUpEnd++;
        }
        if (warmUpEnd > 0) {
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"#eee\"/>", LEFT, TOP,
                    plotW * Math.min(warmUpEnd, n) / n, plotH));
        }
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">%s</text>",
                    LEFT, y, WIDTH - RIGHT, y, LEFT - 4, y + 3, num(max * i / 4)));
        }
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\">0 s</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">%d s</text>",
                LEFT, HEIGHT - BOTTOM + 14, WIDTH - RIGHT, HEIGHT - BOTTOM + 14, points.size()));
        for (int s = 0; s < series.size(); s++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                double x = LEFT + plotW * i / n;
                double y = TOP + plotH - (max == 0 ? 0 : plotH * series.get(s).applyAsDouble(points.get(i)) / max);
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(colours.get(s))
                    .append("\" points=\"").append(line.toString().trim()).append("\"/>");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static void lag(StringBuilder html, String title, List<EventLag.Result> results) {
        if (results == null || results.isEmpty()) {
            return;
        }
        html.append("<h2>").append(esc(title)).append("</h2><table><tr><th>consumer</th><th>measured as</th>")
                .append("<th>samples</th><th>missing</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th>")
                .append("<th>max ms</th></tr>");
        for (EventLag.Result r : results) {
            html.append("<tr><td>").append(esc(r.consumer())).append("</td><td>").append(esc(r.measuredAs()))
                    .append("</td><td>").append(r.samples()).append("</td><td>").append(r.missing()).append("</td><td>")
                    .append(num(r.lag().p50Ms())).append("</td><td>").append(num(r.lag().p95Ms())).append("</td><td>")
                    .append(num(r.lag().p99Ms())).append("</td><td>").append(num(r.lag().maxMs())).append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private static void login(StringBuilder html, LoginComparison.Result login) {
        if (login == null) {
            return;
        }
        html.append("<h2>Login, sequential, one account (").append(login.logins()).append(" each)</h2>")
                .append("<table><tr><th>path</th><th>mean ms</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th></tr>");
        loginRow(html, "gateway → identity-service → Keycloak", login.gateway());
        loginRow(html, "identity-service (own port) → Keycloak", login.identityDirect());
        loginRow(html, "Keycloak token endpoint directly", login.keycloakDirect());
        html.append("</table><p>Gateway over Keycloak: <b>").append(num(login.overheadPercentMean()))
                .append(" %</b> (mean), ").append(num(login.overheadPercentP50())).append(" % (p50); gateway hop ")
                .append(num(login.gatewayHopMsMean())).append(" ms, identity-service hop ")
                .append(num(login.identityHopMsMean())).append(" ms (means). Gateway closes each connection: ")
                .append(login.gatewayClosesConnections()).append(".</p>\n");
    }

    private static void loginRow(StringBuilder html, String path, LatencySummary s) {
        html.append("<tr><td>").append(esc(path)).append("</td><td>").append(num(s.meanMs())).append("</td><td>")
                .append(num(s.p50Ms())).append("</td><td>").append(num(s.p95Ms())).append("</td><td>")
                .append(num(s.p99Ms())).append("</td></tr>");
    }

    private static void memory(StringBuilder html, ProcessMemory.Peak memory) {
        if (memory == null || memory.samples() == 0) {
            return;
        }
        html.append("<h2>Memory at the peak (").append(memory.samples()).append(" samples)</h2>")
                .append("<table><tr><th>process</th><th>processes</th><th>RSS MB</th><th>PSS MB</th></tr>");
        memory.byProcess().forEach((name, u) -> html.append("<tr><td>").append(esc(name)).append("</td><td>")
                .append(u.processes()).append("</td><td>").append(num(u.rssMb())).append("</td><td>")
                .append(num(u.pssMb())).append("</td></tr>"));
        html.append("<tr><th>total</th><th></th><th>").append(num(memory.totalRssMb())).append("</th><th>")
                .append(num(memory.totalPssMb())).append("</th></tr></table>\n");
    }

    static String num(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.1f", value);
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
