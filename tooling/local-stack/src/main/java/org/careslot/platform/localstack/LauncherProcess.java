package org.careslot.platform.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a program needs that runs this launcher as a child process beside a developer's stack (the end-to-end suite,
 * the benchmark): a free port for every server and service, and the launcher's console copied to a file while it is
 * watched for its READY line. JDK only, so such a program can depend on this module without its dependencies.
 */
public final class LauncherProcess {

    /** The environment variables that choose the stack's ports (see {@link StackSettings}). */
    public static final List<String> PORT_VARIABLES = List.of("GATEWAY_PORT", "IDENTITY_PORT", "DOCTOR_PORT",
            "BOOKING_PORT", "NOTIFICATION_PORT", "REPORTING_PORT", "KEYCLOAK_PORT", "KEYCLOAK_MANAGEMENT_PORT",
            "POSTGRES_PORT", "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "SMTP_PORT", "SMTP_IMAP_PORT", "ZIPKIN_PORT");

    private LauncherProcess() {
    }

    /** A port free right now for each of {@link #PORT_VARIABLES}, all different. */
    public static Map<String, Integer> freePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (String variable : PORT_VARIABLES) {
                // held open until all are chosen, so that no two variables get the same port
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports.put(variable, socket.getLocalPort());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // freeing a probe socket
                }
            }
        }
        return ports;
    }

    /**
     * Copies the launcher's output to {@code output} on a daemon thread for as long as the launcher runs; blocks until
     * READY came (true) or the launcher ended without it (false).
     */
    public static boolean copyUntilReady(Process launcher, Path output) {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread copier = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
                 var writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    writer.write(line);
                    writer.newLine();
                    writer.flush();
                    if (line.startsWith("READY ")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // the launcher went away
            }
            ready.complete(false);
        }, "local-stack-output");
        copier.setDaemon(true);
        copier.start();
        return ready.join();
    }
}
