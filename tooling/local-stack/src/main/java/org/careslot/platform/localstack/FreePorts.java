package org.careslot.platform.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Refuses to start when a port of the stack is taken, before anything is started that would then fail halfway. */
final class FreePorts {

    private FreePorts() {
    }

    /** @throws IllegalStateException naming every busy port by its environment variable */
    static void require(StackSettings.Ports ports) {
        List<String> busy = new ArrayList<>();
        ports.byVariable().forEach((variable, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(port));
            } catch (IOException e) {
                busy.add(variable + "=" + port);
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports already in use: " + String.join(", ", busy)
                    + " (another local stack or program runs; stop it or set these variables to free ports)");
        }
    }
}
