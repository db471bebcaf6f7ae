package org.careslot.platform.messaging;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The smallest application using the library, as a service would: auto-configuration only, no component
 * scanning (each test class adds what it needs with a nested {@code @TestConfiguration}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MessagingTestApplication {
}
