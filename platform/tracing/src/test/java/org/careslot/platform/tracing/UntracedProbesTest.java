package org.careslot.platform.tracing;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A secured servlet application as the services run it, exporting to a real receiver: health probes and other
 * actuator requests leave no span, a user's request leaves one trace: by default without Spring Security's own spans,
 * with them inside the same trace when {@code careslot.tracing.security-spans=true}.
 */
class UntracedProbesTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class Application {

        @GetMapping("/api/v1/hello/")
        String hello() {
            return "hello";
        }

        @Bean
        SecurityFilterChain everythingPermitted(HttpSecurity http) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
    }

    @Test
    void probesLeaveNoSpanAndARequestLeavesOneTraceWithoutSecuritySpans() throws Exception {
        List<JsonNode> spans = spansOfProbesAndOneRequest(false);
        assertThat(spans).as("Spring Security's spans are left out").noneMatch(UntracedProbesTest::isSecuritySpan);
    }

    @Test
    void securitySpansSwitchedOnStayInsideTheRequestsTrace() throws Exception {
        List<JsonNode> spans = spansOfProbesAndOneRequest(true);
        assertThat(spans).as("the request's server span and its security spans")
                .anyMatch(UntracedProbesTest::isSecuritySpan);
    }

    private static boolean isSecuritySpan(JsonNode span) {
        return span.path("name").asString("").startsWith("security");
    }

    /** Every span exported after three probes and one user's request, all asserted to be of that request's trace. */
    private static List<JsonNode> spansOfProbesAndOneRequest(boolean securitySpans) throws Exception {
        try (SpanReceiver receiver = new SpanReceiver();
             ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                     .properties("spring.application.name=probe-test", "server.port=0",
                             "careslot.tracing.security-spans=" + securitySpans,
                             "management.endpoints.web.exposure.include=health,info",
                             "management.endpoint.health.probes.enabled=true",
                             "management.opentelemetry.tracing.export.schedule-delay=100ms",
                             "management.otlp.metrics.export.enabled=false",
                             "management.tracing.sampling.probability=1.0")
                     .run("--ZIPKIN_ENDPOINT=" + receiver.zipkinEndpoint())) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/info",
                    "/api/v1/hello/")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
            }
            // spans leave in the order they end; the user's request ended last
            await().atMost(Duration.ofSeconds(30)).until(() -> spans(receiver).stream()
                    .anyMatch(span -> "http get /api/v1/hello/".equals(span.path("name").asString(""))));
            List<JsonNode> spans = spans(receiver);
            String traceId = spans.stream().filter(span -> span.path("kind").asString("").equals("SERVER"))
                    .findFirst().orElseThrow().path("traceId").asString();
            for (JsonNode span : spans) {
                assertThat(span.path("traceId").asString()).as(span.toString()).isEqualTo(traceId);
            }
            return spans;
        }
    }

    private static List<JsonNode> spans(SpanReceiver receiver) {
        List<JsonNode> spans = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String body : receiver.zipkinBodies) {
            json.readTree(body).forEach(spans::add);
        }
        return spans;
    }

    @Test
    void onlyActuatorPathsAreProbes() {
        assertThat(UntracedProbes.isProbe("/actuator")).isTrue();
        assertThat(UntracedProbes.isProbe("/actuator/health/readiness")).isTrue();
        assertThat(UntracedProbes.isProbe("/actuators")).isFalse();
        assertThat(UntracedProbes.isProbe("/api/v1/actuator/")).isFalse();
        assertThat(UntracedProbes.isProbe(null)).isFalse();
    }
}
