package org.careweave.gateway.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import org.careweave.gateway.openapi.GatewayPaths;
import org.careweave.gateway.problem.ProblemWriter;
import org.careweave.gateway.routing.RouteTable;
import org.careweave.gateway.routing.ServiceProxy;
import org.careweave.gateway.routing.ServiceRoute;
import org.careweave.gateway.security.Caller;
import org.careweave.gateway.tracing.RequestIds;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;


/**
 * {@code GET /api/audit-entries}: every service's audit trail merged by time (newest first), for admins. Each service
 * is asked with the caller's token (so each checks the admin role too) for a page after its own position; the cursor
 * carries each service's position (time and id of the last entry of it handed out), so pages neither skip nor repeat
 * an entry however the services' entries interleave. A service that cannot answer fails the request (503): a
 * compliance export must not be silently incomplete; a service refusing the query (a 4xx, e.g. a NUL in a filter)
 * answers the caller with that refusal. {@code Accept: application/x-ndjson} streams every matching
 * entry, one JSON object a line.
 */
@Singleton
public class AuditEntries implements Handler<RoutingContext> {

    static final String ADMIN = "admin";
    static final String NDJSON = "application/x-ndjson";
    private static final int DEFAULT_LIMIT = 100;

    private final List<ServiceRoute> services;
    private final ServiceProxy proxy;
    private final Duration timeout;

    AuditEntries(RouteTable routes, ServiceProxy proxy, AuditConfig config) {
        this.services = config.services().stream().map(name -> routes.routes().stream()
                .filter(route -> route.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("careweave.gateway.audit.services names " + name
                        + ", which is no route"))).toList();
        this.proxy = proxy;
        this.timeout = config.timeout();
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        if (!caller.hasAnyRole(Set.of(ADMIN))) {
            ProblemWriter.write(ctx, 403, "Only admins read the audit trail");
            return;
        }
        Query query;
        try {
            query = Query.parse(ctx.request().params());
        } catch (InvalidQuery e) {
            ProblemWriter.write(ctx, 400, "The request has invalid fields", e.errors);
            return;
        }
        String token = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(NDJSON)) {
            HttpServerResponse response = ctx.response().setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, NDJSON);
            exportFrom(ctx, query.withLimit(GatewayPaths.MAX_AUDIT_PAGE), token, response, true);
            return;
        }
        page(ctx, query, token).onComplete(result -> {
            if (result.failed()) {
                fail(ctx, result.cause());
                return;
            }
            JsonObject page = new JsonObject().put("entries", result.result().entries());
            if (result.result().nextCursor() != null) {
                page.put("nextCursor", result.result().nextCursor());
            }
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(page.toBuffer());
        });
    }

    /** Writes page after page; a failure after the first line can only cut the stream short (status already sent). */
    private void exportFrom(RoutingContext ctx, Query query, String token, HttpServerResponse response,
            boolean first) {
        page(ctx, query, token).onComplete(result -> {
            if (result.failed()) {
                if (first) {
                    response.setChunked(false);
                    fail(ctx, result.cause());
                } else {
                    response.reset();
                }
                return;
            }
            StringBuilder lines = new StringBuilder();
            result.result().entries().forEach(entry -> lines.append(((JsonObject) entry).encode()).append('\n'));
            response.write(lines.toString());
            String next = result.result().nextCursor();
            if (next == null) {
                response.end();
            } else {
                exportFrom(ctx, query.after(Cursor.decode(next)), token, response, false);
            }
        });
    }

    private Future<Page> page(RoutingContext ctx, Query query, String token) {
        List<Future<JsonArray>> fetches = services.stream().map(route -> fetch(ctx, route, query, token)).toList();
        return Future.all(fetches).map(all -> {
            List<JsonObject> candidates = new ArrayList<>();
            Map<String, Boolean> mayHaveMore = new LinkedHashMap<>();
            for (int i = 0; i < services.size(); i++) {
                String service = services.get(i).name();
                JsonArray entries = fetches.get(i).result();
                mayHaveMore.put(service, entries.size() >= query.limit());
                entries.forEach(entry -> candidates.add(((JsonObject) entry).put("service", service)));
            }
            candidates.sort(Comparator.comparing((JsonObject e) -> Instant.parse(e.getString("occurredAt")))
                    .thenComparing(e -> e.getString("service")).thenComparing(e -> e.getLong("id")).reversed());
            List<JsonObject> taken = candidates.subList(0, Math.min(query.limit(), candidates.size()));
            Map<String, Position> positions = new LinkedHashMap<>(query.cursor().positions());
            JsonArray page = new JsonArray();
            for (JsonObject entry : taken) {
                positions.put(entry.getString("service"),
                        new Position(entry.getString("occurredAt"), entry.getLong("id")));
                page.add(view(entry));
            }
            boolean more = candidates.size() > taken.size() || mayHaveMore.containsValue(Boolean.TRUE);
            return new Page(page, more ? new Cursor(positions).encode() : null);
        });
    }

    private Future<JsonArray> fetch(RoutingContext ctx, ServiceRoute route, Query query, String token) {
        StringBuilder uri = new StringBuilder(GatewayPaths.AUDIT_ENTRIES).append("?limit=").append(query.limit());
        query.filters().forEach((name, value) -> uri.append('&').append(name).append('=').append(encode(value)));
        Position position = query.cursor().positions().get(route.name());
        if (position != null) {
            uri.append("&before=").append(encode(position.occurredAt())).append("&beforeId=").append(position.id());
        }
        return proxy.client()
                .request(proxy.target(route).setMethod(HttpMethod.GET).setURI(uri.toString())
                        .setTimeout(timeout.toMillis())
                        .putHeader(HttpHeaders.AUTHORIZATION, token)
                        .putHeader(HttpHeaders.ACCEPT, "application/json")
                        .putHeader(RequestIds.HEADER, RequestIds.of(ctx.request())))
                .compose(request -> request.send())
                .compose(response -> response.body().compose(body -> {
                    if (response.statusCode() == 200) {
                        return Future.succeededFuture(new JsonArray(body));
                    }
                    if (response.statusCode() >= 400 && response.statusCode() < 500) {
                        return Future.failedFuture(ServiceRefused.of(response.statusCode(), body));
                    }
                    return Future.failedFuture("The " + route.name() + " service's audit trail answered "
                            + response.statusCode());
                }))
                .recover(failure -> Future.failedFuture(failure instanceof ServiceRefused
                        ? failure
                        : new IllegalStateException("The " + route.name()
                                + " service's audit trail could not be read; try again")));
    }

    /** A service's refusal of the query (its 4xx) is the caller's to fix, so it is theirs to see; anything else is 503. */
    private static void fail(RoutingContext ctx, Throwable cause) {
        if (cause instanceof ServiceRefused refused) {
            ProblemWriter.write(ctx, refused.status, refused.detail, refused.errors);
        } else {
            ProblemWriter.write(ctx, 503, cause.getMessage());
        }
    }

    /** What the merged document promises of an entry: no nulls, and the service's id stays in the cursor. */
    private static JsonObject view(JsonObject entry) {
        JsonObject view = new JsonObject();
        entry.forEach(field -> {
            if (field.getValue() != null && !field.getKey().equals("id")) {
                view.put(field.getKey(), field.getValue());
            }
        });
        return view;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Page(JsonArray entries, String nextCursor) {
    }

    record Position(String occurredAt, long id) {
    }

    /** Each service's position; opaque to clients (base64url of JSON). */
    record Cursor(Map<String, Position> positions) {

        static final Cursor START = new Cursor(Map.of());

        String encode() {
            JsonObject json = new JsonObject();
            positions.forEach((service, p) -> json.put(service, new JsonObject().put("t", p.occurredAt())
                    .put("id", p.id())));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toBuffer().getBytes());
        }

        static Cursor decode(String value) {
            JsonObject json = new JsonObject(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8));
            Map<String, Position> positions = new LinkedHashMap<>();
            json.forEach(entry -> {
                JsonObject p = (JsonObject) entry.getValue();
                Instant.parse(p.getString("t"));
                positions.put(entry.getKey(), new Position(p.getString("t"), p.getLong("id")));
            });
            return new Cursor(positions);
        }
    }

    /** A service's 4xx problem: its status, detail and invalid fields, passed on as the gateway's own problem. */
    static final class ServiceRefused extends RuntimeException {

        final int status;
        final String detail;
        final JsonArray errors;

        private ServiceRefused(int status, String detail, JsonArray errors) {
            super(detail, null, false, false);
            this.status = status;
            this.detail = detail;
            this.errors = errors;
        }

        static ServiceRefused of(int status, Buffer body) {
            try {
                JsonObject problem = body.toJsonObject();
                JsonArray errors = problem.getValue("errors") instanceof JsonArray list ? list : new JsonArray();
                String detail = problem.getValue("detail") instanceof String text ? text : "The request was refused";
                return new ServiceRefused(status, detail, errors);
            } catch (DecodeException | ClassCastException e) {
                return new ServiceRefused(status, "The request was refused", new JsonArray());
            }
        }
    }

    static final class InvalidQuery extends RuntimeException {

        final JsonArray errors = new JsonArray();

        InvalidQuery() {
            super(null, null, false, false);
        }

        void add(String field, String message) {
            errors.add(new JsonObject().put("field", field).put("message", message));
        }
    }

    record Query(Map<String, String> filters, Cursor cursor, int limit) {

        private static final Map<String, Integer> MAX_LENGTHS = Map.of("patientId", 100, "actor", 100, "action", 50,
                "from", 64, "to", 64);

        static Query parse(MultiMap params) {
            InvalidQuery invalid = new InvalidQuery();
            Map<String, String> filters = new LinkedHashMap<>();
            MAX_LENGTHS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(limit -> {
                String value = params.get(limit.getKey());
                if (value == null || value.isBlank()) {
                    return;
                }
                if (value.length() > limit.getValue()) {
                    invalid.add(limit.getKey(), "size must be between 0 and " + limit.getValue());
                } else if ((limit.getKey().equals("from") || limit.getKey().equals("to")) && !isDateTime(value)) {
                    invalid.add(limit.getKey(), "must be an ISO-8601 date-time with offset");
                } else {
                    filters.put(limit.getKey(), value);
                }
            });
            int limit = DEFAULT_LIMIT;
            String limitParam = params.get("limit");
            if (limitParam != null) {
                try {
                    limit = Integer.parseInt(limitParam);
                    if (limit < 1 || limit > GatewayPaths.MAX_AUDIT_PAGE) {
                        invalid.add("limit", "must be between 1 and " + GatewayPaths.MAX_AUDIT_PAGE);
                    }
                } catch (NumberFormatException e) {
                    invalid.add("limit", "must be a whole number");
                }
            }
            Cursor cursor = Cursor.START;
            String cursorParam = params.get("cursor");
            if (cursorParam != null && !cursorParam.isBlank()) {
                if (cursorParam.length() > 4000) {
                    invalid.add("cursor", "size must be between 0 and 4000");
                } else {
                    try {
                        cursor = Cursor.decode(cursorParam);
                    } catch (IllegalArgumentException | DecodeException | ClassCastException | NullPointerException
                            | DateTimeParseException e) {
                        invalid.add("cursor", "is not a cursor this API handed out");
                    }
                }
            }
            if (!invalid.errors.isEmpty()) {
                throw invalid;
            }
            return new Query(filters, cursor, limit);
        }

        Query withLimit(int newLimit) {
            return new Query(filters, cursor, newLimit);
        }

        Query after(Cursor next) {
            return new Query(filters, next, limit);
        }

        private static boolean isDateTime(String value) {
            try {
                OffsetDateTime.parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
