package org.careslot.platform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The stack's directory ({@code .local-stack/} by default): one launcher per directory (its pid file), the
 * {@code --fresh} wipe that keeps the cache of unpacked binaries, and the {@code processes} list of every pid while
 * the stack runs.
 */
final class DataDirectory {

    private static final String PID_FILE = "local-stack.pid";
    private static final String PROCESSES_FILE = "processes";

    private final StackSettings settings;

    DataDirectory(StackSettings settings) {
        this.settings = settings;
    }

    /**
     * Claims the directory for this launcher (wiping it first for {@code --fresh}).
     *
     * @throws IllegalStateException when another launcher runs on the same directory
     */
    void prepare(boolean fresh) {
        Path dataDir = settings.dataDir();
        Path pidFile = dataDir.resolve(PID_FILE);
        readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(command -> command.endsWith("java")).orElse(true))
                .ifPresent(running -> {
                    throw new IllegalStateException("a local stack is already running with data dir " + dataDir
                            + " (pid " + running.pid() + "); stop it first (Ctrl-C or kill " + running.pid() + ")");
                });
        if (fresh && Files.exists(dataDir)) {
            wipeExceptCache();
        }
        createDirectories(dataDir);
        createDirectories(settings.logsDir());
        try {
            Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** name → pid of every process the stack runs, for tools and tests that check that nothing is left behind. */
    void writeProcesses(Map<String, Long> pidsByName) throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("local-stack", ProcessHandle.current().pid());
        pids.putAll(pidsByName);
        StringBuilder text = new StringBuilder();
        pids.forEach((name, pid) -> text.append(name).append(' ').append(pid).append('\n'));
        Files.writeString(settings.dataDir().resolve(PROCESSES_FILE), text);
    }

    static String processesFileName() {
        return PROCESSES_FILE;
    }

    /** Removes the pid and processes files once everything has stopped. */
    void release() {
        try {
            Files.deleteIfExists(settings.dataDir().resolve(PID_FILE));
            Files.deleteIfExists(settings.dataDir().resolve(PROCESSES_FILE));
        } catch (IOException ignored) {
            // only informational files
        }
    }

    /** Where a service JVM keeps its temporary files (inside the data dir, so --fresh clears them). */
    Path tmpDirOf(String module) {
        return createDirectories(settings.dataDir().resolve("tmp").resolve(module));
    }

    static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void wipeExceptCache() {
        Path dataDir = settings.dataDir();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        if (dataDir.getParent() == null || dataDir.equals(home) || dataDir.equals(settings.projectRoot())) {
            throw new IllegalArgumentException("refusing to wipe " + dataDir + " (LOCAL_STACK_DIR)");
        }
        try (Stream<Path> top = Files.list(dataDir)) {
            for (Path entry : top.filter(path -> !path.equals(settings.cacheDir())).toList()) {
                deleteRecursively(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not wipe " + dataDir, e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
