package org.careslot.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One raw HTTP/1.1 keep-alive connection to the gateway, for what java.net.http does not let a test control: when
 * exactly the bytes of several requests go out (pipelining, a request sent right after the previous answer).
 */
public final class KeepAliveConnection implements AutoCloseable {

    /** A response's status line and body; null status when none came in time. */
    public record Answer(String statusLine, String body) {

        public int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    public KeepAliveConnection(int port, Duration readTimeout) {
        try {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout((int) readTimeout.toMillis());
            in = socket.getInputStream();
            out = socket.getOutputStream();
            host = "localhost:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes GET requests for all paths in one write, so the server reads them together. */
    public void sendGets(String... paths) {
        StringBuilder requests = new StringBuilder();
        for (String path : paths) {
            requests.append("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n\r\n");
        }
        try {
            out.write(requests.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next response (Content-Length framed, as all the gateway's answers to these GETs are). */
    public Answer readResponse() {
        try {
            String statusLine = readLine();
            int contentLength = 0;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    contentLength = Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            return new Answer(statusLine, new String(in.readNBytes(contentLength), StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no response within " + Duration.ofMillis(soTimeout())
                    + " on a kept-alive connection", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int soTimeout() {
        try {
            return socket.getSoTimeout();
        } catch (IOException e) {
            return -1;
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the gateway");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test connection
        }
    }
}
