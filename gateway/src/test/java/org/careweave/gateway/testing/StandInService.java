package org.careweave.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Stands in for a Careweave service: answers every request with what it received (service, method, path, query,
 * headers, body) and remembers the request ids it saw, which {@code GET /__seen?requestId=...} reports. A request
 * with {@code X-Stand-In-Delay-Ms} is answered that much later, one with {@code X-Stand-In-Status} with that status;
 * one that accepts {@code text/event-stream}, or asks for a feed, gets an endless stream of comments.
 */
final class StandInService {

    static final String DELAY_HEADER = "X-Stand-In-Delay-Ms";
    static final String STATUS_HEADER = "X-Stand-In-Status";

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Set<String> seenRequestIds = ConcurrentHashMap.newKeySet();

    private StandInService(String name, int port) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static StandInService start(String name) {
        return start(name, 0);
    }

    /** On a given port, so a stopped stand-in can come back where the gateway expects it. */
    static StandInService start(String name, int port) {
        try {
            return new StandInService(name, port);
        } catch (IOException e) {
            throw new IllegalStateException("Stand-in " + name + " did not start", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            if (uri.getPath().equals("/__seen")) {
                String id = uri.getQuery().substring("requestId=".length());
                respond(exchange, new JsonObject().put("seen", seenRequestIds.contains(id)));
                return;
            }
            if (uri.getPath().equals("/q/openapi")) {
                respond(exchange, StandInDocuments.openApi(name));
                return;
            }
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            if (requestId != null) {
                seenRequestIds.add(requestId);
            }
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept != null && accept.contains("text/event-stream") || uri.getPath().endsWith("/feed")) {
                stream(exchange);
                return;
            }
            String delay = exchange.getRequestHeaders().getFirst(DELAY_HEADER);
            if (delay != null) {
                Thread.sleep(Long.parseLong(delay));
            }
            JsonObject headers = new JsonObject();
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                headers.put(header.getKey().toLowerCase(Locale.ROOT), new JsonArray(List.copyOf(header.getValue())));
            }
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            // Like the real services: echo the request id. Plus connection-level headers the gateway must drop.
            if (requestId != null) {
                exchange.getResponseHeaders().add("X-Request-Id", requestId);
            }
            exchange.getResponseHeaders().add("Keep-Alive", "timeout=5");
            exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"stand-in\"");
            // A product name and version, which the gateway must not pass on.
            exchange.getResponseHeaders().add("Server", "StandIn/1.0 (JDK)");
            String status = exchange.getRequestHeaders().getFirst(STATUS_HEADER);
            respond(exchange, status == null ? 200 : Integer.parseInt(status), new JsonObject()
                    .put("service", name)
                    .put("method", exchange.getRequestMethod())
                    .put("path", uri.getRawPath())
                    .put("query", uri.getRawQuery())
                    .put("headers", headers)
                    .put("body", body));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Server-sent events: a comment every 200 ms until the gateway closes the stream. */
    private static void stream(HttpExchange exchange) throws InterruptedException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, 0);
            while (true) {
                out.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException closed) {
            // The gateway closed the stream.
        }
    }

    private static void respond(HttpExchange exchange, JsonObject json) throws IOException {
        respond(exchange, 200, json);
    }

    private static void respond(HttpExchange exchange, int status, JsonObject json) throws IOException {
        byte[] bytes = json.encode().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
