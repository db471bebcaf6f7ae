package org.careslot.platform.benchmark;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on standard output: time, step, what happened. */
final class Console {

    void line(String step, String text) {
        System.out.printf("%s  %-9s %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), step, text);
        System.out.flush();
    }
}
