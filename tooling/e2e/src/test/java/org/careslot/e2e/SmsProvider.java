package org.careslot.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server in the test JVM standing in for the SMS provider: the stack's notification-service is started
 * with SMS_GATEWAY_URL pointing here (RunningStack), so SMS is on for every e2e test, and users who did not choose it
 * get none. Records every request and accepts it.
 */
final class SmsProvider {

    static final String PATH = "/sms/send";
    static final String USERNAME = "careslot-e2e";
    static final String PASSWORD = "e2e-sms-secret";

    /** One request as the provider received it. */
    record Request(String method, String path, String authorization, String contentType, String body) {
    }

    private static SmsProvider shared;

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();

    private SmsProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                byte[] reply = "{\"accepted\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
            }
        });
        server.setExecutor(null);
        server.start();
    }

    static synchronized SmsProvider shared() {
        if (shared == null) {
            shared = new SmsProvider();
        }
        return shared;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Every request whose body names {@code phone}, in arrival order. */
    List<Request> to(String phone) {
        return received.stream().filter(r -> r.body().contains("\"" + phone + "\"")).toList();
    }
}
