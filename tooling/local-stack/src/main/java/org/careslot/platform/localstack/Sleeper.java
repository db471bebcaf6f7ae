package org.careslot.platform.localstack;

import java.time.Duration;

/** Polling pause that turns an interrupt (the launcher is shutting down) into an exception. */
final class Sleeper {

    private Sleeper() {
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
