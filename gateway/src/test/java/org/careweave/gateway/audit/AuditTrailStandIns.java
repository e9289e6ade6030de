package org.careweave.gateway.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Two services' audit trails ({@code audit-a}, {@code audit-b}) answering {@code GET /api/audit-entries} the way
 * platform/runtime's AuditResource does: filters, newest first, {@code before}/{@code beforeId}, {@code limit}; 401
 * without a token. Their entries interleave in time and share some timestamps, the hard case for merged paging.
 */
public class AuditTrailStandIns implements QuarkusTestResourceLifecycleManager {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    static final List<String> SERVICES = List.of("audit-a", "audit-b");

    private final Map<String, HttpServer> servers = new HashMap<>();

    /** Entry i of a service: every second entry is about patient p1; a and b share timestamps at even i. */
    static List<JsonObject> entries(String service) {
        boolean a = service.equals("audit-a");
        return java.util.stream.IntStream.range(0, 7).mapToObj(i -> new JsonObject()
                .put("id", (long) (a ? 100 + i : 500 + i))
                .put("occurredAt", T0.plusSeconds(i % 2 == 0 ? i * 10L : i * 10L + (a ? 1 : 2)).toString())
                .put("subject", a ? "theo" : "priya")
                .put("role", a ? "therapist" : "psychiatrist")
                .put("action", i == 3 ? "EXPORT" : "READ")
                .put("resourceType", service + "-record")
                .put("resourceId", null)
                .put("patientId", i % 2 == 0 ? "p1" : "p2")
                .put("outcome", "SUCCESS")).toList();
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.createContext("/api/audit-entries", exchange -> answer(service, exchange));
                server.start();
                servers.put(service, server);
                config.put("careweave.gateway.routes." + service + ".url",
                        "http://127.0.0.1:" + server.getAddress().getPort());
                config.put("careweave.gateway.routes." + service + ".prefixes", "/api/" + service);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        config.put("careweave.gateway.audit.services", String.join(",", SERVICES));
        return config;
    }

    private static void answer(String service, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                send(exchange, 401, new JsonObject().put("status", 401).encode());
                return;
            }
            Map<String, String> query = new HashMap<>();
            String raw = exchange.getRequestURI().getRawQuery();
            for (String pair : raw == null ? new String[0] : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
            if (query.getOrDefault("actor", "").chars().anyMatch(c -> c < 0x20)) {
                // As the services answer a filter PostgreSQL could not compare.
                send(exchange, 400, "application/problem+json", new JsonObject().put("title", "Bad Request")
                        .put("status", 400).put("detail", "The request has invalid fields")
                        .put("errors", new JsonArray().add(new JsonObject().put("field", "actor")
                                .put("message", "must not contain control characters"))).encode());
                return;
            }
            Predicate<JsonObject> matches = e -> true;
            for (String field : List.of("patientId", "action")) {
                if (query.containsKey(field)) {
                    matches = matches.and(e -> query.get(field).equals(e.getString(field)));
                }
            }
            if (query.containsKey("actor")) {
                matches = matches.and(e -> query.get("actor").equals(e.getString("subject")));
            }
            if (query.containsKey("before")) {
                Instant before = Instant.parse(query.get("before"));
                long beforeId = Long.parseLong(query.get("beforeId"));
                matches = matches.and(e -> Instant.parse(e.getString("occurredAt")).isBefore(before)
                        || (Instant.parse(e.getString("occurredAt")).equals(before) && e.getLong("id") < beforeId));
            }
            int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
            JsonArray page = new JsonArray(entries(service).stream().filter(matches)
                    .sorted(Comparator.comparing((JsonObject e) -> e.getString("occurredAt"))
                            .thenComparing(e -> e.getLong("id")).reversed())
                    .limit(limit).map(e -> (Object) e).toList());
            send(exchange, 200, page.encode());
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        servers.values().forEach(server -> server.stop(0));
    }
}
