package org.careweave.gateway.streams;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import org.careweave.gateway.problem.ProblemWriter;
import org.careweave.gateway.routing.ServiceRoute;
import org.careweave.gateway.security.Caller;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Counts long-lived streams (server-sent events, WebSocket relays), which run on a connection pool of their own so
 * that thousands of open feeds never take the connections plain requests need. Each route has a budget, each caller a
 * cap: one person's tabs cannot exhaust what a clinic shares.
 */
@Singleton
public class StreamBudget {

    private static final String EVENT_STREAM = "text/event-stream";

    private final int maxPerRoute;
    private final int maxPerUser;
    private final List<String> paths;
    private final String retryAfter;
    private final Map<String, AtomicInteger> openPerRoute = new ConcurrentHashMap<>();
    private final Map<String, Integer> openPerUser = new ConcurrentHashMap<>();

    StreamBudget(StreamsConfig config) {
        this.maxPerRoute = config.maxPerRoute();
        this.maxPerUser = config.maxPerUser();
        this.paths = config.paths().stream().map(String::strip).toList();
        this.retryAfter = Long.toString(Math.max(1, config.retryAfter().toSeconds()));
    }

    /** A request for server-sent events: by its {@code Accept} header, or a path known to answer with them. */
    public boolean isEventStream(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(EVENT_STREAM) || paths.contains(ctx.normalizedPath());
    }

    /**
     * A place for one more stream of the (verified) caller on this route, or null when there is none; then the
     * request has been answered (429 for the caller's cap, 503 for the route's budget).
     */
    public Slot open(RoutingContext ctx, ServiceRoute route) {
        String subject = Caller.of(ctx).subject();
        boolean[] admitted = { false };
        openPerUser.compute(subject, (key, open) -> {
            int count = open == null ? 0 : open;
            if (count >= maxPerUser) {
                return open;
            }
            admitted[0] = true;
            return count + 1;
        });
        if (!admitted[0]) {
            refuse(ctx, 429, "You have " + maxPerUser + " streams open, the most one person may; close one first");
            return null;
        }
        AtomicInteger onRoute = openPerRoute.computeIfAbsent(route.name(), name -> new AtomicInteger());
        if (onRoute.incrementAndGet() > maxPerRoute) {
            onRoute.decrementAndGet();
            releaseUser(subject);
            refuse(ctx, 503, "The " + route.name() + " service has as many open streams as the gateway allows; "
                    + "try again shortly");
            return null;
        }
        return new Slot(subject, onRoute);
    }

    /** Open streams of one caller (for tests and metrics). */
    public int openBy(String subject) {
        return openPerUser.getOrDefault(subject, 0);
    }

    private void releaseUser(String subject) {
        openPerUser.computeIfPresent(subject, (key, open) -> open <= 1 ? null : open - 1);
    }

    private void refuse(RoutingContext ctx, int status, String detail) {
        ctx.response().putHeader("Retry-After", retryAfter);
        ProblemWriter.write(ctx, status, detail);
    }

    /** One open stream; released once, however it ends (closed by either side, refused, failed). */
    public final class Slot {

        private final String subject;
        private final AtomicInteger onRoute;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String subject, AtomicInteger onRoute) {
            this.subject = subject;
            this.onRoute = onRoute;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                onRoute.decrementAndGet();
                releaseUser(subject);
            }
        }
    }
}
