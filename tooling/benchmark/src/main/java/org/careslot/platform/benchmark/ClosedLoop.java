package org.careslot.platform.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Closed-loop load: {@code connections} threads, each sending its next request as soon as the previous one answered,
 * for warm-up plus a fixed measured duration. Every request is one call of {@link Request#send}, which reports its
 * outcome to the recorder. With a CPU snapshot function ({@link ProcessCpu#snapshot}), the CPU the stack used is
 * taken at the end of warm-up and at the end of the measured window, and the result says where it went.
 */
final class ClosedLoop {

    /** One request of a scenario; {@code worker} is the thread's index (0..connections-1). */
    @FunctionalInterface
    interface Request {
        void send(int worker, ScenarioRecorder recorder) throws Exception;
    }

    private ClosedLoop() {
    }

    static ScenarioResult run(String name, int connections, Duration warmUp, Duration measured,
                              Map<String, Object> settings, Supplier<Map<String, Double>> cpu, Request request) {
        ScenarioRecorder recorder = new ScenarioRecorder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            int worker = i;
            workers.add(Thread.ofPlatform().name(name + "-" + i).daemon().start(() -> {
                while (running.get()) {
                    try {
                        request.send(worker, recorder);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        recorder.error(e.getClass().getSimpleName());
                    }
                }
            }));
        }
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        long next = start + 1_000_000_000L;
        boolean measuring = false;
        Map<String, Double> cpuBefore = null;
        Map<String, Double> cpuAfter = null;
        long cpuFrom = 0;
        long cpuTo = 0;
        while (true) {
            long now = System.nanoTime();
            if (!measuring && now >= measureFrom) {
                recorder.startMeasuring(now);
                if (cpu != null) {
                    cpuFrom = System.nanoTime();
                    cpuBefore = cpu.get();
                }
                measuring = true;
                next = now + 1_000_000_000L;
            } else if (now >= end) {
                recorder.stopMeasuring(now);
                if (cpu != null) {
                    cpuTo = System.nanoTime();
                    cpuAfter = cpu.get();
                }
                break;
            } else if (now >= next) {
                recorder.tick();
                next += 1_000_000_000L;
            }
            sleepUntil(Math.min(next, measuring ? end : measureFrom));
        }
        running.set(false);
        for (Thread worker : workers) {
            try {
                worker.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ScenarioResult result = recorder.result(name, settings);
        if (cpuBefore == null || cpuAfter == null) {
            return result;
        }
        return result.withCpu(ScenarioCpu.between(cpuBefore, cpuAfter, (cpuTo - cpuFrom) / 1e9, result.ok().count()));
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
