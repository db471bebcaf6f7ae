package org.careslot.platform.localstack;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server process started by the launcher, with its stdout and stderr in one log file.
 *
 * <p>Where {@code setsid} exists the child runs in a session of its own: Ctrl-C in the terminal (SIGINT to the
 * foreground process group) or a SIGTERM to the launcher's group then reaches only the launcher, which stops the
 * children in dependency order (services before the Kafka broker and PostgreSQL they still talk to while closing).
 * The flip side — a launcher killed with SIGKILL cannot stop them — is covered by {@link ParentWatchdog}.
 */
final class ChildProcess {

    private static final boolean SETSID_AVAILABLE = new File("/usr/bin/setsid").canExecute()
            || new File("/bin/setsid").canExecute();

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path logFile;
    private final Process process;

    private ChildProcess(String name, List<String> command, Map<String, String> environment, Path workDir,
                         Path logFile, Process process) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.logFile = logFile;
        this.process = process;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
                              Path logFile) {
        List<String> fullCommand = new ArrayList<>();
        if (SETSID_AVAILABLE) {
            // the child of a JVM is never a process-group leader, so setsid execs in place: same pid
            fullCommand.add("setsid");
        }
        fullCommand.addAll(command);
        try {
            rotate(logFile);
            ProcessBuilder builder = new ProcessBuilder(fullCommand)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            return new ChildProcess(name, command, environment, workDir, logFile, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + String.join(" ", fullCommand), e);
        }
    }

    /** Keeps one previous log, so a restart does not lose the log of the run that failed. */
    static void rotate(Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        if (Files.exists(logFile)) {
            Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The same command with the same environment once more, as a process supervisor restarts what died. */
    ChildProcess startAgain() {
        return start(name, command, environment, workDir, logFile);
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    Process process() {
        return process;
    }

    /** SIGTERM, wait for a graceful exit, then SIGKILL the process and anything it started. */
    void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (process.isAlive()) {
            System.out.println("  " + name + " did not stop within " + grace.toSeconds() + " s: killing it");
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The last lines of the log, for "X failed to start" messages. */
    String tail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }
}
