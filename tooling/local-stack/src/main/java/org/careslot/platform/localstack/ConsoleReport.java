package org.careslot.platform.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the launcher prints on its console: one progress line per component, the READY block (the line tools
 * and the e2e suite wait for), failures with the tail of the failing component's log, and the stop lines. The
 * launcher's own log goes to a file (logback.xml); the console is for the developer.
 */
final class ConsoleReport {

    static final String READY_PREFIX = "READY ";

    private final PrintStream out;
    private final long startNanos;

    ConsoleReport(PrintStream out, long startNanos) {
        this.out = out;
        this.startNanos = startNanos;
    }

    /** {@code  <component> <detail> <seconds since sinceNanos> s}. */
    void progress(String component, String detail, long sinceNanos) {
        out.printf("  %-22s %-60s %6.1f s%n", component, detail, (System.nanoTime() - sinceNanos) / 1e9);
        out.flush();
    }

    /** A progress line timed from the launcher's start (services start in parallel; their own start says little). */
    void progressSinceStart(String component, String detail) {
        progress(component, detail, startNanos);
    }

    void ready(StackSettings settings, String keycloakBaseUrl, String keycloakIssuer, List<String> databases) {
        StackSettings.Ports ports = settings.ports();
        String gateway = settings.localUrl(ports.gateway());
        String adminPassword = settings.environment().getOrDefault("CARESLOT_ADMIN_PASSWORD", "Admin.1234");
        String text = READY_PREFIX + gateway + System.lineSeparator()
                + "  started in " + seconds(startNanos) + " s; data in " + settings.dataDir()
                + ", logs in " + settings.logsDir() + System.lineSeparator()
                + "  Gateway (API)         " + gateway + "/api/v1/" + System.lineSeparator()
                + "  Swagger UI            " + gateway + "/v1/" + System.lineSeparator()
                + "  Keycloak admin        " + keycloakBaseUrl + "/admin/  (admin / admin)"
                + System.lineSeparator()
                + "  Keycloak issuer       " + keycloakIssuer + System.lineSeparator()
                + "  SMTP                  localhost:" + ports.smtp() + System.lineSeparator()
                + "  Mail (IMAP)           localhost:" + ports.smtpImap()
                + "  (any user / password; user = recipient address)" + System.lineSeparator()
                + "  PostgreSQL            localhost:" + ports.postgres() + "  (postgres / postgres; databases "
                + String.join(", ", databases) + ")" + System.lineSeparator()
                + "  Kafka                 localhost:" + ports.kafka() + System.lineSeparator()
                + "  Traces (Zipkin)       " + ZipkinTraceUi.uiUrl(settings)
                + "  (a response's X-Trace-Id: " + ZipkinTraceUi.uiUrl(settings) + "traces/<id>)"
                + System.lineSeparator()
                + "  Demo accounts         admin@example.com / " + adminPassword + "  (ADMIN)"
                + System.lineSeparator()
                + "Ctrl-C stops everything; data is kept for the next start (--fresh starts from scratch).";
        out.println(text);
        out.flush();
    }

    /** For --infra-only: the environment a service started from an IDE needs. */
    void infrastructureUp(Path logsDir, Map<String, String> serviceEnvironment) {
        out.println("INFRASTRUCTURE UP (no services started; start them with the environment below)"
                + System.lineSeparator() + "  started in " + seconds(startNanos) + " s; logs in " + logsDir);
        serviceEnvironment.forEach((name, value) -> out.println("  " + name + "=" + value));
        out.println("Ctrl-C stops everything.");
        out.flush();
    }

    void failure(String component, String message, Path logFile) {
        StringBuilder text = new StringBuilder()
                .append("FAILED ").append(component).append(": ").append(message).append(System.lineSeparator());
        if (logFile != null) {
            text.append("---- last lines of ").append(logFile).append(" ----").append(System.lineSeparator())
                    .append(ChildProcess.tail(logFile, 40)).append(System.lineSeparator())
                    .append("----").append(System.lineSeparator());
        }
        text.append("stopping the local stack");
        out.println(text);
        out.flush();
    }

    void unexpectedFailure(RuntimeException e) {
        out.println("FAILED local stack: " + e);
        e.printStackTrace(out);
    }

    /** A side note that does not stop anything, e.g. a file that could not be written. */
    void note(String text) {
        out.println("  " + text);
        out.flush();
    }

    void stopping() {
        out.println("stopping the local stack ...");
        out.flush();
    }

    void stopped(long sinceNanos) {
        out.println("local stack stopped in " + seconds(sinceNanos) + " s");
        out.flush();
    }

    private static String seconds(long sinceNanos) {
        return String.format("%.1f", (System.nanoTime() - sinceNanos) / 1e9);
    }
}
