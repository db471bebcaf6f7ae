package org.careslot.platform.localstack.seed;

import org.careslot.platform.localstack.StackSettings;

import java.io.PrintStream;

/**
 * {@code local-stack.sh --seed} (after READY) and {@code local-stack.sh --seed-only} (a stack that is running
 * already): the demo data through the gateway and, for past appointments, booking-service's own port, both at the
 * stack's ports (GATEWAY_PORT, BOOKING_PORT). Passwords: CARESLOT_ADMIN_PASSWORD (the realm's admin, dev default
 * Admin.1234) and CARESLOT_DEMO_PASSWORD (every demo account, dev default {@value DemoSeeder#DEFAULT_PASSWORD}).
 */
public final class DemoSeedCommand {

    private DemoSeedCommand() {
    }

    public static DemoSeeder.Settings settings(StackSettings stack) {
        return new DemoSeeder.Settings(
                stack.localUrl(stack.ports().gateway()),
                stack.localUrl(stack.ports().booking()),
                stack.environment().getOrDefault("CARESLOT_ADMIN_PASSWORD", "Admin.1234"),
                stack.environment().getOrDefault("CARESLOT_DEMO_PASSWORD", DemoSeeder.DEFAULT_PASSWORD));
    }

    /** Seeds and prints the summary; true when it succeeded (a failure is printed, the stack is left running). */
    public static boolean seed(StackSettings stack, PrintStream out) {
        try {
            DemoSeeder seeder = new DemoSeeder(settings(stack), out);
            seeder.printSummary(seeder.run());
            return true;
        } catch (SeedException e) {
            out.println("SEED FAILED: " + e.getMessage());
            out.flush();
            return false;
        }
    }
}
