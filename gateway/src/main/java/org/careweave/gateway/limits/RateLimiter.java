package org.careweave.gateway.limits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.careweave.gateway.problem.ProblemWriter;
import org.careweave.gateway.security.Caller;
import org.careweave.gateway.security.PathPattern;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Token buckets per route group and caller: the token's subject, or the client address for calls without a valid
 * token (so a flood of bad tokens is throttled too). Over the limit the answer is 429 problem+json with
 * {@code Retry-After}. The buckets live in this process: see the README for several replicas.
 */
@Singleton
public class RateLimiter implements Handler<RoutingContext> {

    private static final String DEFAULT_GROUP = "default";

    private final List<Group> groups;
    private final Group fallback;
    private final List<PathPattern> screened;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final long sweeper;

    @Inject
    RateLimiter(RateLimitConfig config, Vertx vertx) {
        this.vertx = vertx;
        List<Group> configured = new ArrayList<>();
        config.rateLimits().forEach((name, group) -> configured.add(new Group(name, group.prefixes().orElse(List.of()),
                group.requestsPerMinute(), group.burst(), group.anonymousRequestsPerMinute(), group.anonymousBurst())));
        this.fallback = configured.stream().filter(g -> g.name().equals(DEFAULT_GROUP)).findFirst()
                .orElseThrow(() -> new IllegalStateException("careweave.gateway.rate-limits.default.* is required"));
        // Longest prefix first, so the first group that covers a path is the most specific one.
        configured.remove(fallback);
        configured.sort(Comparator.comparingInt(Group::longestPrefix).reversed());
        this.groups = List.copyOf(configured);
        this.screened = config.screenedPaths().orElse(List.of()).stream().map(PathPattern::of).toList();
        // Full buckets carry no information: dropping them keeps memory bounded by the recently active callers.
        this.sweeper = vertx.setPeriodic(TimeUnit.MINUTES.toMillis(1),
                ignored -> buckets.entrySet().removeIf(entry -> entry.getValue().isFull(System.nanoTime())));
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        boolean anonymous = caller == null;
        String path = ctx.normalizedPath();
        if (!anonymous && isScreened(path)) {
            ctx.next();
            return;
        }
        Group group = groupOf(path);
        String key = group.name() + (anonymous ? "|ip|" + ctx.request().remoteAddress().hostAddress()
                : "|sub|" + caller.subject());
        long now = System.nanoTime();
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = buckets.computeIfAbsent(key, ignored -> anonymous
                    ? new TokenBucket(group.anonymousBurst(), group.anonymousRequestsPerMinute() / 60d, now)
                    : new TokenBucket(group.burst(), group.requestsPerMinute() / 60d, now));
        }
        long wait = bucket.take(now);
        // IETF RateLimit header fields on every answer, so clients can slow down before they hit 429.
        long limit = anonymous ? group.anonymousBurst() : group.burst();
        long remaining = bucket.remaining();
        long reset = ceilSeconds(bucket.untilFull(now));
        ctx.addHeadersEndHandler(ignored -> ctx.response().headers()
                .set("RateLimit-Limit", Long.toString(limit))
                .set("RateLimit-Remaining", Long.toString(remaining))
                .set("RateLimit-Reset", Long.toString(reset)));
        if (wait == 0) {
            ctx.next();
            return;
        }
        long seconds = Math.max(1, ceilSeconds(wait));
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        ProblemWriter.write(ctx, 429, "Too many requests; try again in " + seconds + " s");
    }

    private boolean isScreened(String path) {
        for (PathPattern pattern : screened) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static long ceilSeconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1);
    }

    Group groupOf(String path) {
        for (Group group : groups) {
            if (group.covers(path)) {
                return group;
            }
        }
        return fallback;
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(sweeper);
    }

    record Group(String name, List<String> prefixes, int requestsPerMinute, int burst, int anonymousRequestsPerMinute,
            int anonymousBurst) {

        boolean covers(String path) {
            for (String prefix : prefixes) {
                if (path.startsWith(prefix)
                        && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                    return true;
                }
            }
            return false;
        }

        int longestPrefix() {
            return prefixes.stream().mapToInt(String::length).max().orElse(0);
        }
    }
}
