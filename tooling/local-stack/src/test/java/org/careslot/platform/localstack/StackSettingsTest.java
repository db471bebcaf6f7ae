package org.careslot.platform.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StackSettingsTest {

    private static final Path ROOT = Path.of("/tmp/careslot");

    @Test
    void theMailServerListensForSmtpOn3025AndImapOn3143ByDefault() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of("CARESLOT_HOME", ROOT.toString()), null);
        assertThat(settings.ports().smtp()).isEqualTo(3025);
        assertThat(settings.ports().smtpImap()).isEqualTo(3143);
    }

    @Test
    void theImapPortIsSetLikeEveryOtherAndCheckedForBeingFree() {
        StackSettings settings = StackSettings.fromEnvironment(
                Map.of("CARESLOT_HOME", ROOT.toString(), "SMTP_IMAP_PORT", "40143"), null);
        assertThat(settings.ports().smtpImap()).isEqualTo(40143);
        assertThat(settings.ports().byVariable()).containsEntry("SMTP_IMAP_PORT", 40143);
    }

    @Test
    void theTraceUiListensOn9411ByDefaultAndEveryApplicationSendsItsSpansThere() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of("CARESLOT_HOME", ROOT.toString()), null);
        assertThat(settings.ports().zipkin()).isEqualTo(9411);
        assertThat(ServiceEnvironment.of(settings))
                .containsEntry("ZIPKIN_ENDPOINT", "http://localhost:9411/api/v2/spans");
        assertThat(ZipkinTraceUi.uiUrl(settings)).isEqualTo("http://localhost:9411/zipkin/");
    }

    @Test
    void theTraceUiPortIsSetLikeEveryOtherAndCheckedForBeingFree() {
        StackSettings settings = StackSettings.fromEnvironment(
                Map.of("CARESLOT_HOME", ROOT.toString(), "ZIPKIN_PORT", "40411"), null);
        assertThat(settings.ports().byVariable()).containsEntry("ZIPKIN_PORT", 40411);
        assertThat(ServiceEnvironment.of(settings))
                .containsEntry("ZIPKIN_ENDPOINT", "http://localhost:40411/api/v2/spans");
    }

    @Test
    void zipkinIgnoresTheDevelopersCollectorSettingsAndKeepsSpansInMemory() {
        assertThat(ZipkinTraceUi.environment(40411))
                .containsEntry("QUERY_PORT", "40411")
                .containsEntry("STORAGE_TYPE", "mem")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "");
    }

    @Test
    void anImapPortThatIsNoPortIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StackSettings.fromEnvironment(Map.of("SMTP_IMAP_PORT", "imap"), null))
                .withMessageContaining("SMTP_IMAP_PORT");
    }
}
