package org.careslot.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request body the gateway gets (plain Java; the HTTP exchange itself is tested in SmsDeliveryTest). */
class SmsChannelTest {

    static SmsChannel channel(String template, String contentType) {
        return new SmsChannel(new SmsSettings("http://127.0.0.1:1/sms", "", "", template, contentType,
                Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    static OutgoingMessage message(String to, String text) {
        return new OutgoingMessage("m-1@careslot", to, "Name", "subject", "text", "<p>html</p>", text);
    }

    @Test
    void placeholdersAreJsonEscapedInAJsonTemplate() {
        SmsChannel json = channel("{\"to\":\"{to}\",\"text\":\"{text}\",\"ref\":\"{id}\"}", "application/json");
        assertThat(json.body(message("+8801712345678", "Dr. \"Sumi\" \\ at 09:00\nতারিখ\u0001")))
                .isEqualTo("{\"to\":\"+8801712345678\",\"text\":\"Dr. \\\"Sumi\\\" \\\\ at 09:00\\nতারিখ\\u0001\","
                        + "\"ref\":\"m-1@careslot\"}");
    }

    @Test
    void aValueContainingAPlaceholderIsNotReplacedAgain() {
        SmsChannel json = channel("{\"text\":\"{text}\",\"to\":\"{to}\"}", "application/json");
        assertThat(json.body(message("+8801712345678", "say {to}")))
                .isEqualTo("{\"text\":\"say {to}\",\"to\":\"+8801712345678\"}");
    }

    @Test
    void aFormTemplateIsUrlEncoded() {
        SmsChannel form = channel("to={to}&message={text}", "application/x-www-form-urlencoded");
        assertThat(form.body(message("+8801712345678", "a&b = c")))
                .isEqualTo("to=%2B8801712345678&message=a%26b+%3D+c");
    }

    @Test
    void withoutAGatewayOrANumberNothingIsSentAndItIsNotRetried() {
        SmsChannel off = new SmsChannel(new SmsSettings("", "", "", "{text}", "text/plain", Duration.ofSeconds(1),
                Duration.ofSeconds(1)));
        assertThat(off.available()).isFalse();
        assertThatThrownBy(() -> off.send(message("+8801712345678", "x")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue());
        assertThatThrownBy(() -> channel("{text}", "text/plain").send(message(null, "x")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("no phone number known for the recipient");
                });
    }
}
