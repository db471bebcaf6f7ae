package org.careslot.notification.reminder;

import org.careslot.notification.reminder.domain.ChannelChoice;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which channels a message is planned on (plain Java). */
class ChannelChoiceTest {

    static final List<String> BOTH = List.of("EMAIL", "SMS");
    static final List<String> EMAIL_ONLY = List.of("EMAIL");

    @Test
    void eachChosenChannelTheDeploymentOffers() {
        assertThat(ChannelChoice.channels(List.of("EMAIL", "SMS"), BOTH)).containsExactly("EMAIL", "SMS");
        assertThat(ChannelChoice.channels(List.of("SMS"), BOTH)).containsExactly("SMS");
        assertThat(ChannelChoice.channels(List.of("EMAIL"), BOTH)).containsExactly("EMAIL");
    }

    @Test
    void withSmsOffAnSmsOnlyUserGetsEmailRatherThanNothing() {
        assertThat(ChannelChoice.channels(List.of("SMS"), EMAIL_ONLY)).containsExactly("EMAIL");
        assertThat(ChannelChoice.channels(List.of("SMS", "EMAIL"), EMAIL_ONLY)).containsExactly("EMAIL");
    }

    @Test
    void aRecipientNotKnownYetGetsEmail() {
        assertThat(ChannelChoice.channels(List.of(), BOTH)).containsExactly("EMAIL");
    }
}
