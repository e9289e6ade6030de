package org.careweave.gateway.routing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.careweave.gateway.limits.BodySizeLimit;
import org.careweave.gateway.resilience.ResilienceConfig;
import org.careweave.gateway.resilience.ServiceBreakers;
import org.careweave.gateway.streams.StreamsConfig;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards a request to its service ({@link UpstreamExchange}). Plain requests use a pooled client per event loop
 * ({@code max-connections-per-service} split evenly over the loops); long-lived streams have a client and pool of
 * their own, so open feeds and sockets never take the connections plain requests need.
 */
@Singleton
public class ServiceProxy {

    // Sending these twice has the effect of sending them once (RFC 9110 section 9.2.2).
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);

    private final Vertx vertx;
    private final HttpClient client;
    private final HttpClient streamClient;
    // Plain requests: a client per event loop, see forward().
    private final Map<EventLoop, HttpClient> loopClients = new ConcurrentHashMap<>();
    private final PoolOptions loopPool;
    private final Duration connectTimeout;
    private final ServiceBreakers breakers;
    private final ResilienceConfig resilience;
    private final long bodyLimit;

    ServiceProxy(Vertx vertx, GatewayConfig config, StreamsConfig streams, ServiceBreakers breakers,
            ResilienceConfig resilience, BodySizeLimit bodySizeLimit,
            @ConfigProperty(name = "quarkus.vertx.event-loops-pool-size") Optional<Integer> eventLoops) {
        this.vertx = vertx;
        // Quarkus' default: two event loops per core. The service's connections are split evenly over them.
        int loops = Math.max(1, eventLoops.orElse(2 * Runtime.getRuntime().availableProcessors()));
        this.loopPool = new PoolOptions()
                .setHttp1MaxSize(Math.max(1, (config.maxConnectionsPerService() + loops - 1) / loops));
        // No client span: TraceContext forwards the gateway's server span, one traceparent header and no duplicate.
        this.client = vertx.createHttpClient(new HttpClientOptions().setTracingPolicy(TracingPolicy.IGNORE),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));
        // StreamBudget admits at most max-per-route streams, so a stream never waits for a connection here.
        this.streamClient = vertx.createHttpClient(new HttpClientOptions().setTracingPolicy(TracingPolicy.IGNORE),
                new PoolOptions().setHttp1MaxSize(streams.maxPerRoute()));
        this.connectTimeout = config.connectTimeout();
        this.breakers = breakers;
        this.resilience = resilience;
        this.bodyLimit = bodySizeLimit.limit();
    }

    /**
     * A plain request, on the pool of the event loop it arrived on. One shared pool hands a request any idle
     * connection, mostly one of another event loop: the exchange then hops to that loop's thread and the answer hops
     * back, four thread wake-ups per request, which cost more than the rest of the forwarding on a busy machine.
     */
    public void forward(RoutingContext ctx, ServiceRoute route) {
        forward(ctx, route, clientOfThisLoop(), () -> {
        });
    }

    private HttpClient clientOfThisLoop() {
        Context context = Vertx.currentContext();
        if (!(context instanceof ContextInternal internal)) {
            return client;
        }
        return loopClients.computeIfAbsent(internal.nettyEventLoop(), ignored -> vertx.createHttpClient(
                new HttpClientOptions().setTracingPolicy(TracingPolicy.IGNORE), loopPool));
    }

    /** A long-lived stream (server-sent events), on the stream pool; {@code ended} runs once it is over. */
    public void forwardStream(RoutingContext ctx, ServiceRoute route, Runnable ended) {
        forward(ctx, route, streamClient, ended);
    }

    private void forward(RoutingContext ctx, ServiceRoute route, HttpClient pool, Runnable ended) {
        int retries = IDEMPOTENT.contains(ctx.request().method()) ? resilience.connectRetries() : 0;
        new UpstreamExchange(ctx.request(), route, forwardedUri(ctx), breakers, bodyLimit, ended)
                .run(() -> connect(pool, route, route.next(), retries));
    }

    /** Where the route's next replica listens, with the gateway's connect timeout. */
    public RequestOptions target(ServiceRoute route) {
        return target(route.next());
    }

    private RequestOptions target(ServiceRoute.Upstream upstream) {
        return new RequestOptions()
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setConnectTimeout(connectTimeout.toMillis());
    }

    public HttpClient client() {
        return client;
    }

    /** The client of long-lived streams (WebSocket relays). */
    public HttpClient streamClient() {
        return streamClient;
    }

    /**
     * A connection to one of the route's replicas. A refused connection is retried, on the next replica when there
     * are several (the refusing one is passed over for a while): nothing was sent, so only the method's semantics
     * decide whether a retry is safe. A connect timeout is not: retrying it would double the client's wait.
     */
    private Future<HttpClientRequest> connect(HttpClient pool, ServiceRoute route, ServiceRoute.Upstream upstream,
            int retriesLeft) {
        RequestOptions target = target(upstream).setIdleTimeout(route.timeout().toMillis());
        return pool.request(target).recover(cause -> {
            upstream.markDown(resilience.replicaDownFor());
            if (retriesLeft == 0 || cause instanceof ConnectTimeoutException) {
                return Future.failedFuture(new ServiceUnreachableException(route, upstream, cause));
            }
            ServiceRoute.Upstream next = route.after(upstream);
            if (next != upstream) {
                return connect(pool, route, next, retriesLeft - 1);
            }
            Promise<Void> pause = Promise.promise();
            vertx.setTimer(resilience.retryDelay().toMillis(), ignored -> pause.complete());
            return pause.future().compose(ignored -> connect(pool, route, upstream, retriesLeft - 1));
        });
    }

    /** The path the route was chosen by (dot segments resolved), so a service never sees a path its route did not match. */
    public static String forwardedUri(RoutingContext ctx) {
        String query = ctx.request().query();
        return query == null ? ctx.normalizedPath() : ctx.normalizedPath() + "?" + query;
    }

    @PreDestroy
    void close() {
        loopClients.values().forEach(HttpClient::close);
        client.close();
        streamClient.close();
    }
}
