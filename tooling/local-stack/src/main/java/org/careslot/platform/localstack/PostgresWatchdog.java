package org.careslot.platform.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL is started through pg_ctl, which detaches the postmaster into a session of its own, and it cannot load a
 * Java agent. A tiny shell loop in another session watches the launcher and asks the postmaster for a fast shutdown
 * (SIGINT) when the launcher is gone without having stopped it. On a normal stop the launcher ends the loop first.
 */
final class PostgresWatchdog {

    private static final String SCRIPT =
            "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; kill -INT \"$2\" 2>/dev/null; exit 0";

    private final Process process;

    private PostgresWatchdog(Process process) {
        this.process = process;
    }

    /** Reads the postmaster's pid from the data directory; empty when PostgreSQL is not running there. */
    static Optional<Long> postmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<PostgresWatchdog> start(long postmasterPid) {
        boolean setsid = new File("/usr/bin/setsid").canExecute() || new File("/bin/setsid").canExecute();
        if (!setsid) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder("setsid", "sh", "-c", SCRIPT, "careslot-postgres-watchdog",
                    Long.toString(ProcessHandle.current().pid()), Long.toString(postmasterPid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return Optional.of(new PostgresWatchdog(process));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void stop() {
        process.destroy();
    }
}
