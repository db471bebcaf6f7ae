package org.careslot.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application as the services and the gateway start it (auto-configuration, the post-processor from
 * spring.factories), with a real HTTP receiver standing in for the collector: spans leave the process exactly when
 * one of the two variables names an endpoint, and then reach it.
 */
class TraceExportTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    private SpanReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new SpanReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
                .properties("spring.application.name=trace-export-test",
                        "management.opentelemetry.tracing.export.schedule-delay=100ms",
                        // as every application runs it: metrics are scraped, not pushed
                        "management.otlp.metrics.export.enabled=false",
                        "management.tracing.sampling.probability=1.0")
                .run(arguments);
    }

    @Test
    void withoutAnyVariableSpansAreMadeButNotExported() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
            Tracer tracer = context.getBean(Tracer.class);
            Span span = tracer.nextSpan().name("local-only").start();
            assertThat(span.context().traceId()).hasSize(32);
            span.end();
        }
    }

    @Test
    void zipkinEndpointSendsZipkinJsonToIt() {
        String traceId;
        try (ConfigurableApplicationContext context = start("--ZIPKIN_ENDPOINT=" + receiver.zipkinEndpoint())) {
            Tracer tracer = context.getBean(Tracer.class);
            Span span = tracer.nextSpan().name("sent-to-zipkin").start();
            traceId = span.context().traceId();
            span.end();
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.zipkinBodies.stream().anyMatch(body ->
                    body.contains("\"traceId\":\"" + traceId + "\"") && body.contains("\"name\":\"sent-to-zipkin\"")
                            && body.contains("\"serviceName\":\"trace-export-test\"")));
        }
        assertThat(receiver.otlpContentTypes).isEmpty();
    }

    @Test
    void otlpEndpointSendsOtlpToIt() {
        try (ConfigurableApplicationContext context = start(
                "--OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=" + receiver.url() + "/v1/traces")) {
            Tracer tracer = context.getBean(Tracer.class);
            tracer.nextSpan().name("sent-over-otlp").start().end();
            await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.otlpContentTypes.isEmpty());
        }
        assertThat(receiver.otlpContentTypes.getFirst()).isEqualTo("application/x-protobuf");
        assertThat(receiver.zipkinBodies).isEmpty();
    }
}
