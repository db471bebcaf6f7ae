package org.careslot.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for one downstream service: it answers every request with
 * {@code {"service": name, "method": ..., "path": ...}} and records what it received. Paths containing
 * {@code /hang} get no answer until the server closes (a service that stopped responding); paths containing
 * {@code /boom} get the service's own 500 problem; the first request of each method to a path containing
 * {@code /close-once} gets its connection closed without any answer (a keep-alive connection the service closed as
 * the request arrived), later ones are answered.
 */
public final class FakeService implements AutoCloseable {

    /** One request as the service saw it; header names lower-cased. */
    public record Received(String method, String path, Map<String, List<String>> headers) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Set<String> closedOnce = ConcurrentHashMap.newKeySet();

    private FakeService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeService start(String name) {
        return new FakeService(name);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String name() {
        return name;
    }

    /** The next request this service received (waits up to 5 s), or null. */
    public Received nextRequest() {
        try {
            return received.poll(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public void forgetRequests() {
        received.clear();
    }

    public int pendingRequests() {
        return received.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
            received.add(new Received(exchange.getRequestMethod(), path, headers));
            if (path.contains("/close-once") && closedOnce.add(exchange.getRequestMethod() + " " + path)) {
                // no response headers sent: closing the exchange closes the connection
                return;
            }
            if (path.contains("/hang")) {
                awaitClose(Duration.ofMinutes(2));
                return;
            }
            boolean boom = path.contains("/boom");
            String body = boom
                    ? "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}"
                    : "{\"service\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod()
                            + "\",\"path\":\"" + path + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", boom ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(boom ? 500 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private void awaitClose(Duration max) {
        try {
            closing.await(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
