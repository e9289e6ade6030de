package org.careweave.gateway.tracing;

import org.jboss.logging.Logger;

import io.vertx.ext.web.RoutingContext;

/**
 * One line per API request on the {@code org.careweave.gateway.access} category: method, route (the configured prefix,
 * never the concrete path, which holds record ids), status, latency to the response headers and request id. Never
 * headers (tokens), bodies or query strings. Written when the headers go out, so a long-lived stream (server-sent
 * events, a WebSocket) is logged when it starts, not hours later.
 */
public final class AccessLog {

    public static final String CATEGORY = "org.careweave.gateway.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final String ROUTE = AccessLog.class.getName() + ".route";

    private AccessLog() {
    }

    public static void start(RoutingContext ctx) {
        long started = System.nanoTime();
        boolean[] written = { false };
        ctx.addHeadersEndHandler(ignored -> {
            written[0] = true;
            write(ctx, ctx.response().getStatusCode(), started);
        });
        ctx.addEndHandler(ignored -> {
            if (!written[0]) {
                // The client left before any answer: still one line, status 0.
                write(ctx, 0, started);
            }
        });
        ctx.next();
    }

    /** Names the request's route in its log line (a bounded label such as {@code /api/intakes/*}). */
    public static void route(RoutingContext ctx, String route) {
        ctx.put(ROUTE, route);
    }

    private static void write(RoutingContext ctx, int status, long started) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String route = ctx.get(ROUTE);
        // Plain concatenation: printf-style formatting cost more than the rest of the line's work on the event loop.
        LOG.info("method=" + ctx.request().method().name() + " route=" + (route == null ? "unrouted" : route)
                + " status=" + status + " latency_ms=" + (System.nanoTime() - started) / 1_000_000 + " request_id="
                + RequestIds.of(ctx.request()));
    }
}
