package org.careslot.platform.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a figure depends on: machine, load on it, JVM options of every process, PostgreSQL durability, commit. */
final class RunSettings {

    private RunSettings() {
    }

    static Map<String, Object> capture(Stack stack, Path projectRoot, String label) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("label", label);
        settings.put("date", Instant.now().toString());
        settings.put("git_commit", git(projectRoot, "rev-parse", "HEAD"));
        settings.put("git_dirty", !git(projectRoot, "status", "--porcelain").isEmpty());
        settings.put("cpus", Runtime.getRuntime().availableProcessors());
        settings.put("cpu_model", cpuModel());
        settings.put("memory_total_mb", ProcessMemory.kilobytes(Path.of("/proc/meminfo"), "MemTotal:") / 1024);
        settings.put("load_average_at_start", loadAverage());
        settings.put("harness_java", System.getProperty("java.version"));
        settings.put("stack_started_by_harness", stack.started());
        settings.put("stack_startup_seconds", stack.startup().toSeconds());
        settings.put("postgres_synchronous_commit", EventLag.postgresSetting(stack, "synchronous_commit"));
        settings.put("postgres_fsync", EventLag.postgresSetting(stack, "fsync"));
        settings.put("postgres_shared_buffers", EventLag.postgresSetting(stack, "shared_buffers"));
        Map<String, Object> options = new LinkedHashMap<>();
        stack.processes().forEach((name, pid) -> options.put(name, ProcessMemory.startOptions(pid)));
        settings.put("process_options", options);
        return settings;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String git(Path root, String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
