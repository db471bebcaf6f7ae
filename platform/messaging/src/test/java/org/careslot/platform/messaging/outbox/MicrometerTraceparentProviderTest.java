package org.careslot.platform.messaging.outbox;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerTraceparentProviderTest {

    record Context(String traceId, @Nullable String parentId, String spanId, @Nullable Boolean sampled)
            implements TraceContext {
    }

    @Test
    void formatsW3cTraceparent() {
        assertThat(MicrometerTraceparentProvider.format(
                new Context("4bf92f3577b34da6a3ce929d0e0e4736", null, "00f067aa0ba902b7", true)))
                .hasValue("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(MicrometerTraceparentProvider.format(
                new Context("4bf92f3577b34da6a3ce929d0e0e4736", null, "00f067aa0ba902b7", false)))
                .hasValue("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
        assertThat(MicrometerTraceparentProvider.format(
                new Context("4bf92f3577b34da6a3ce929d0e0e4736", null, "00f067aa0ba902b7", null)))
                .hasValue("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
    }

    @Test
    void padsShortIds() {
        assertThat(MicrometerTraceparentProvider.format(new Context("a3ce929d0e0e4736", null, "f067aa0ba902b7", true)))
                .hasValue("00-0000000000000000a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void ignoresInvalidContexts() {
        assertThat(MicrometerTraceparentProvider.format(new Context("0".repeat(32), null, "00f067aa0ba902b7", true)))
                .isEmpty();
        assertThat(MicrometerTraceparentProvider.format(
                new Context("4bf92f3577b34da6a3ce929d0e0e4736", null, "0000000000000000", true))).isEmpty();
        assertThat(MicrometerTraceparentProvider.format(
                new Context("4BF92F3577B34DA6A3CE929D0E0E4736", null, "00f067aa0ba902b7", true))).isEmpty();
        assertThat(MicrometerTraceparentProvider.format(
                new Context("4bf92f3577b34da6a3ce929d0e0e47361", null, "00f067aa0ba902b7", true))).isEmpty();
        assertThat(MicrometerTraceparentProvider.format(new Context(null, null, "00f067aa0ba902b7", true))).isEmpty();
        assertThat(MicrometerTraceparentProvider.format(new Context("", null, "00f067aa0ba902b7", true))).isEmpty();
    }

    @Test
    void noTracerOrNoSpanMeansNoTraceparent() {
        assertThat(new MicrometerTraceparentProvider(new StaticListableBeanFactory().getBeanProvider(Tracer.class))
                .currentTraceparent()).isEmpty();
        assertThat(new MicrometerTraceparentProvider(new StaticListableBeanFactory(Map.of("tracer", Tracer.NOOP))
                .getBeanProvider(Tracer.class)).currentTraceparent()).isEmpty();
    }
}
