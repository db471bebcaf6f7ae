package org.careslot.platform.benchmark;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProcessCpuTest {

    @BeforeAll
    static void onLinux() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "/proc is Linux's");
    }

    @Test
    void theFieldsAreCountedFromTheLastParenthesisOfTheCommand() {
        ProcessCpu.Stat stat = ProcessCpu.parseStat("1234 (Web Content (x) 1 2) S 1 1234 1234 0 -1 4194560 100 0 0 0"
                + " 250 75 30 12 20 0 4 0 500 1000000 200 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n");

        assertThat(stat).isEqualTo(new ProcessCpu.Stat(1, 250, 75, 30, 12));
        assertThat(stat.own()).isEqualTo(325);
        assertThat(stat.reapedChildren()).isEqualTo(42);
    }

    @Test
    void theTestJvmsOwnCpuGrowsAsItWorks() {
        long self = ProcessHandle.current().pid();
        double before = ProcessCpu.treeSeconds(self, Set.of());

        long sum = 0;
        for (long i = 0; i < 100_000_000L; i++) {
            sum += i ^ (sum >>> 3);
        }
        double after = ProcessCpu.treeSeconds(self, Set.of());

        assertThat(sum).isNotZero();
        assertThat(before).isPositive();
        assertThat(after).isGreaterThanOrEqualTo(before);
        assertThat(ProcessCpu.readAll()).containsKey(self);
    }

    @Test
    void aSnapshotNamesEveryProcessAndTheHarnessAndAnEndedProcessCountsNothing() {
        long self = ProcessHandle.current().pid();

        Map<String, Double> snapshot = ProcessCpu.snapshot(Map.of("test-jvm", self, "gone", Long.MAX_VALUE));

        assertThat(snapshot).containsOnlyKeys("test-jvm", "gone", ProcessCpu.HARNESS);
        assertThat(snapshot.get("test-jvm")).isPositive();
        assertThat(snapshot.get(ProcessCpu.HARNESS)).isPositive();
        assertThat(snapshot.get("gone")).isZero();
    }

    @Test
    void aDescendantThatIsNamedItselfCountsOnlyUnderItsOwnName() throws Exception {
        // a child that burns a fixed amount of CPU, says so, then waits to be counted
        Process child = new ProcessBuilder("awk",
                "BEGIN { for (i = 0; i < 10000000; i++) s += i; print \"done\"; fflush(); system(\"sleep 60\") }")
                .redirectErrorStream(true).start();
        try {
            assertThat(new BufferedReader(new InputStreamReader(child.getInputStream())).readLine())
                    .isEqualTo("done");
            long self = ProcessHandle.current().pid();

            double withoutChild = ProcessCpu.treeSeconds(self, Set.of(child.pid()));
            double childAlone = ProcessCpu.treeSeconds(child.pid(), Set.of(self));
            double withChild = ProcessCpu.treeSeconds(self, Set.of());

            assertThat(childAlone).isPositive();
            assertThat(withChild - withoutChild).isGreaterThanOrEqualTo(childAlone - 0.001);
        } finally {
            child.descendants().forEach(ProcessHandle::destroy);
            child.destroy();
            child.waitFor();
        }
    }
}
