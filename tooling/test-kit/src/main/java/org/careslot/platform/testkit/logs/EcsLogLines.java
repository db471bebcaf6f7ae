package org.careslot.platform.testkit.logs;

import org.careslot.platform.testkit.http.ServiceHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's console output read as the ECS JSON lines it must be (one object per line), with the checks every
 * service's log test makes: each line names the service, and each line written on a request thread carries that
 * request's trace and span ids (ECS {@code trace.id} / {@code span.id}, which Boot writes as dotted keys).
 */
public final class EcsLogLines {

    private final List<JsonNode> lines;

    private EcsLogLines(List<JsonNode> lines) {
        this.lines = lines;
    }

    /** @throws AssertionError naming the first line that is not a JSON object */
    public static EcsLogLines of(String output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = ServiceHttp.JSON.readTree(line);
            } catch (JacksonException e) {
                throw new AssertionError("not a JSON log line: " + line);
            }
            if (!node.isObject()) {
                throw new AssertionError("not a JSON object: " + line);
            }
            lines.add(node);
        }
        return new EcsLogLines(List.copyOf(lines));
    }

    public List<JsonNode> all() {
        return lines;
    }

    /** Every line has a timestamp, a message and {@code service.name} = the service. */
    public EcsLogLines allFrom(String serviceName) {
        assertThat(lines).isNotEmpty();
        for (JsonNode line : lines) {
            assertThat(line.path("service").path("name").asString("")).as(line.toString()).isEqualTo(serviceName);
            assertThat(line.path("@timestamp").isMissingNode()).as(line.toString()).isFalse();
            assertThat(line.path("message").isMissingNode()).as(line.toString()).isFalse();
        }
        return this;
    }

    /**
     * The lines written on Tomcat's request threads; each must carry a trace and a span id. (The first request of a
     * context initialises the DispatcherServlet there before any trace exists: send one before the output counts.)
     */
    public List<JsonNode> requestLinesWithTraceAndSpan() {
        List<JsonNode> inRequests = lines.stream()
                .filter(line -> line.path("process").path("thread").path("name").asString("").startsWith("http-nio"))
                .toList();
        assertThat(inRequests).isNotEmpty();
        for (JsonNode line : inRequests) {
            assertThat(traceId(line)).as(line.toString()).matches("[0-9a-f]{32}");
            assertThat(spanId(line)).as(line.toString()).matches("[0-9a-f]{16}");
        }
        return inRequests;
    }

    public static String traceId(JsonNode line) {
        return line.path("trace.id").asString("");
    }

    public static String spanId(JsonNode line) {
        return line.path("span.id").asString("");
    }
}
