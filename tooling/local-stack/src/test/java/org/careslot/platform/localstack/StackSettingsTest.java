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
    void anImapPortThatIsNoPortIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StackSettings.fromEnvironment(Map.of("SMTP_IMAP_PORT", "imap"), null))
                .withMessageContaining("SMTP_IMAP_PORT");
    }
}
