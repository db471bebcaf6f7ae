package org.careslot.platform.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DataDirectoryTest {

    @TempDir
    Path root;

    private DataDirectory dataDirectory(Path dataDir) {
        return new DataDirectory(StackSettings.fromEnvironment(
                Map.of("CARESLOT_HOME", root.toString(), "LOCAL_STACK_DIR", dataDir.toString()), null));
    }

    @Test
    void freshWipesTheDataButKeepsTheCacheOfUnpackedBinaries() throws IOException {
        Path dataDir = root.resolve("stack");
        Files.createDirectories(dataDir.resolve("postgres"));
        Files.writeString(dataDir.resolve("postgres").resolve("PG_VERSION"), "17");
        Files.createDirectories(dataDir.resolve("cache").resolve("embedded-pg"));

        dataDirectory(dataDir).prepare(true);

        assertThat(dataDir.resolve("postgres")).doesNotExist();
        assertThat(dataDir.resolve("cache").resolve("embedded-pg")).isDirectory();
        assertThat(dataDir.resolve("logs")).isDirectory();
        assertThat(dataDir.resolve("local-stack.pid")).hasContent(Long.toString(ProcessHandle.current().pid()));
    }

    @Test
    void withoutFreshTheDataStays() throws IOException {
        Path dataDir = root.resolve("stack");
        Files.createDirectories(dataDir.resolve("postgres"));

        dataDirectory(dataDir).prepare(false);

        assertThat(dataDir.resolve("postgres")).isDirectory();
    }

    @Test
    void aSecondLauncherOnTheSameDirectoryIsRefused() throws IOException {
        Path dataDir = root.resolve("stack");
        Files.createDirectories(dataDir);
        // this test's own JVM stands for the running launcher
        Files.writeString(dataDir.resolve("local-stack.pid"), Long.toString(ProcessHandle.current().pid()));

        assertThatIllegalStateException().isThrownBy(() -> dataDirectory(dataDir).prepare(false))
                .withMessageContaining("already running");
    }

    @Test
    void theProcessesFileListsTheLauncherFirstAndIsRemovedOnRelease() throws IOException {
        Path dataDir = root.resolve("stack");
        DataDirectory dataDirectory = dataDirectory(dataDir);
        dataDirectory.prepare(false);

        dataDirectory.writeProcesses(Map.of("kafka", 42L));
        assertThat(Files.readAllLines(dataDir.resolve("processes")))
                .containsExactly("local-stack " + ProcessHandle.current().pid(), "kafka 42");

        dataDirectory.release();
        assertThat(dataDir.resolve("processes")).doesNotExist();
        assertThat(dataDir.resolve("local-stack.pid")).doesNotExist();
    }
}
