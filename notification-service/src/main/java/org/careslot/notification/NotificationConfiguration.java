package org.careslot.notification;

import org.careslot.notification.delivery.SmsSettings;
import org.careslot.notification.reminder.ReminderDelivery;
import org.careslot.notification.reminder.ReminderPoller;
import org.careslot.notification.reminder.ReminderSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.UUID;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ReminderSettings.class, SmsSettings.class})
class NotificationConfiguration {

    /** "Now" of every rule (what is due, whether an appointment has started). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** This instance's poller; every instance runs one, the database decides who sends what. */
    @Bean
    @ConditionalOnBooleanProperty(name = "reminders.delivery.enabled", matchIfMissing = true)
    ReminderPoller reminderPoller(ReminderDelivery delivery, ReminderSettings settings) {
        String host = System.getenv().getOrDefault("HOSTNAME", "local");
        return new ReminderPoller(delivery, settings.delivery().pollInterval(),
                host + "-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
