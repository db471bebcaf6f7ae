package org.careslot.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code careslot.notification.sms.*}: the HTTP SMS gateway.
 *
 * @param url            where each SMS is POSTed (env SMS_GATEWAY_URL); empty: SMS is off and messages go by e-mail
 * @param username       HTTP Basic user (env SMS_GATEWAY_USERNAME); empty: no Authorization header
 * @param password       HTTP Basic password (env SMS_GATEWAY_PASSWORD; a secret: from the environment only)
 * @param bodyTemplate   the request body; {@code {to}} (the number, +8801XXXXXXXXX), {@code {text}} (the message)
 *                       and {@code {id}} (the message's stable id, for the gateway's duplicate check) are replaced by
 *                       the values escaped for {@code contentType} (JSON string escaping, or URL encoding for a form)
 * @param contentType    Content-Type of the request
 * @param connectTimeout time allowed to connect (env SMS_GATEWAY_CONNECT_TIMEOUT)
 * @param readTimeout    time allowed for the answer (env SMS_GATEWAY_READ_TIMEOUT); keep it well below
 *                       reminders.delivery.lease
 */
@ConfigurationProperties("careslot.notification.sms")
public record SmsSettings(
        @DefaultValue("") String url,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("{\"to\":\"{to}\",\"text\":\"{text}\"}") String bodyTemplate,
        @DefaultValue("application/json") String contentType,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    public boolean enabled() {
        return url != null && !url.isBlank();
    }

    @Override
    public String toString() { // never the password
        return "SmsSettings[url=" + url + ", username=" + username + "]";
    }
}
