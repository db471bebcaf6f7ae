package org.careslot.platform.localstack.seed;

import java.io.PrintStream;

/** The seeder's console lines, in the launcher's column layout: step, what happened, seconds since seeding began. */
final class SeedProgress {

    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    SeedProgress(PrintStream out) {
        this.out = out;
    }

    void line(String step, String detail) {
        out.printf("  %-22s %-60s %6.1f s%n", step, detail, seconds());
        out.flush();
    }

    void text(String text) {
        out.println(text);
        out.flush();
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
