package org.careslot.notification.reminder.domain;

import java.util.Collection;
import java.util.List;

/**
 * On which channels a message goes out: each channel the recipient chose that this deployment offers, one message
 * row per channel. When none of the chosen channels is offered (an SMS-only user while no SMS gateway is configured)
 * the message goes by e-mail rather than not at all: a missed reminder costs a missed appointment.
 */
public final class ChannelChoice {

    public static final String EMAIL = "EMAIL";

    private ChannelChoice() {
    }

    /**
     * @param chosen    the recipient's channels (EMAIL, SMS), or empty when the recipient is not known yet
     * @param available the channels this deployment can send on
     */
    public static List<String> channels(List<String> chosen, Collection<String> available) {
        List<String> usable = chosen.stream().filter(available::contains).distinct().toList();
        return usable.isEmpty() ? List.of(EMAIL) : usable;
    }
}
