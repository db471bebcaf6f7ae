package org.careslot.platform.messaging.support;

import org.careslot.platform.messaging.MessagingProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

/** {@link MessagingProperties} bound from property names and values exactly as Boot binds them. */
public final class BoundProperties {

    private BoundProperties() {
    }

    public static MessagingProperties messaging(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("careslot.messaging", MessagingProperties.class);
    }
}
