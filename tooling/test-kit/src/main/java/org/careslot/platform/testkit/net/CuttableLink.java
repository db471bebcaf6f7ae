package org.careslot.platform.testkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link from a local port to a real server that a test can cut, stall and restore, so the service under test
 * meets an unreachable or unresponsive server exactly when the test wants it (the server itself keeps running for the
 * test's own checks). The one way tests of every module take a server (Kafka, SMTP, Keycloak) away from the code
 * under test.
 * <ul>
 *   <li>{@link #cut()}: every open connection is closed and new ones are closed at once, as a client sees a server
 *       that went away.</li>
 *   <li>{@link #stall()}: connections are accepted but nothing is answered, as a client sees a server that hangs
 *       (stuck in a GC pause, waiting for its database): new connections are held without reaching the server, and a
 *       connection on which either side sends anything is held from then on, its bytes not passed on. Only a client's
 *       own timeout ends the wait.</li>
 *   <li>{@link #restore()}: new connections reach the server again. Connections held by a stall are closed without
 *       an answer (nothing a client gave up on reaches the server late); connections that stayed idle through the
 *       stall keep working.</li>
 * </ul>
 */
public final class CuttableLink implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean stalled;

    public CuttableLink(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("cuttable-link-accept").start(this::accept);
    }

    /** A link to {@code target} ("host:port"), open (not cut). */
    public static CuttableLink to(String target) {
        int colon = target.lastIndexOf(':');
        return new CuttableLink(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
    }

    /** The local port clients of the linked server are configured with. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Closes every open connection and every new one at once, until {@link #restore}; ends a stall. */
    public void cut() {
        cut = true;
        stalled = false;
        open.forEach(CuttableLink::closeQuietly);
        open.clear();
        held.forEach(CuttableLink::closeQuietly);
        held.clear();
    }

    /** Accepts connections and passes nothing on in either direction, until {@link #restore}. */
    public void stall() {
        stalled = true;
    }

    /**
     * Client connections the current stall holds: accepted while stalled, or sent something while stalled. A test
     * waits for this to grow to know that a request has reached the (unanswering) server.
     */
    public int heldConnections() {
        return (int) held.stream().filter(socket -> !socket.isClosed() && isClientSide(socket)).count();
    }

    /** Ends a cut or a stall: closes the connections a stall held and passes new connections on again. */
    public void restore() {
        cut = false;
        stalled = false;
        held.forEach(CuttableLink::closeQuietly);
        held.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                if (stalled) {
                    held.add(client);
                    if (!stalled) {
                        // restored meanwhile: restore() may have missed it
                        held.remove(client);
                        closeQuietly(client);
                    }
                    continue;
                }
                Socket server = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private boolean isClientSide(Socket socket) {
        return socket.getLocalPort() == listener.getLocalPort();
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        boolean hold = false;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (stalled) {
                    hold = true;
                    return;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
            // end of stream while stalled: a stalled server would not pass that on either
            hold = stalled;
        } catch (IOException e) {
            // cut, or closed by either side: the link is gone
        } finally {
            if (hold) {
                holdConnection(from, to);
            } else {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }
    }

    /** Keeps both sockets open and silent until restore() or cut() closes them (or the other pump ends). */
    private void holdConnection(Socket from, Socket to) {
        held.add(from);
        held.add(to);
        open.remove(from);
        open.remove(to);
        if (!stalled) {
            // restored or cut meanwhile: restore() or cut() may have missed these two
            held.remove(from);
            held.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
