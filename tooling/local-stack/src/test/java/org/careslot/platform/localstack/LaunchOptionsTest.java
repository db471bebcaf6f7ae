package org.careslot.platform.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LaunchOptionsTest {

    @Test
    void noArgumentsStartEverythingOnExistingData() {
        assertThat(LaunchOptions.parse()).isEqualTo(new LaunchOptions(false, false, false, false, false));
    }

    @Test
    void flagsCombine() {
        assertThat(LaunchOptions.parse("--infra-only", "--fresh")).isEqualTo(new LaunchOptions(true, true, false, false, false));
    }

    @Test
    void seedingFollowsAStartOrSeedsTheRunningStack() {
        assertThat(LaunchOptions.parse("--fresh", "--seed")).isEqualTo(new LaunchOptions(true, false, false, true,
                false));
        assertThat(LaunchOptions.parse("--seed-only")).isEqualTo(new LaunchOptions(false, false, false, false, true));
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse("--infra-only", "--seed"))
                .withMessageContaining("--infra-only");
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse("--seed-only", "--fresh"))
                .withMessageContaining("--seed-only");
    }

    @Test
    void helpWinsOverWhatFollowsIt() {
        assertThat(LaunchOptions.parse("--fresh", "-h", "--bogus").help()).isTrue();
        assertThat(LaunchOptions.parse("--help").help()).isTrue();
    }

    @Test
    void anUnknownArgumentIsNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse("--fresh", "--bogus", "--help"))
                .withMessage("unknown argument: --bogus");
    }

    @Test
    void usageNamesEveryOptionAndPortVariable() {
        assertThat(LaunchOptions.usage()).contains("--fresh", "--infra-only", "--seed", "--seed-only",
                "CARESLOT_DEMO_PASSWORD", "GATEWAY_PORT", "KAFKA_CONTROLLER_PORT",
                "SMTP_PORT", "SMTP_IMAP_PORT", "LOCAL_STACK_DIR");
    }
}
