package org.careslot.platform.tracing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/** A real HTTP receiver standing in for a trace collector: Zipkin v2 JSON at /api/v2/spans, OTLP at /v1/traces. */
final class SpanReceiver implements AutoCloseable {

    final List<String> zipkinBodies = new CopyOnWriteArrayList<>();
    final List<String> otlpContentTypes = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    SpanReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v2/spans", exchange -> {
            // the sender gzips larger batches
            boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            try (InputStream body = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                zipkinBodies.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.createContext("/v1/traces", exchange -> {
            exchange.getRequestBody().readAllBytes();
            otlpContentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String zipkinEndpoint() {
        return url() + "/api/v2/spans";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
