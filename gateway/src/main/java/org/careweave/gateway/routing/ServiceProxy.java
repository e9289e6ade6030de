package org.careweave.gateway.routing;

import java.time.Duration;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.careweave.gateway.limits.BodySizeLimit;
import org.careweave.gateway.resilience.ResilienceConfig;
import org.careweave.gateway.resilience.ServiceBreakers;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;

/** Forwards a request to its service through Vert.x' reverse proxy, on one pooled client shared by all routes. */
@Singleton
public class ServiceProxy {

    // WebSocket upgrades skip the proxy's interceptors (header rules, problems): WebSocketRelay handles them.
    private static final ProxyOptions OPTIONS = new ProxyOptions().setSupportWebSocket(false);
    // Sending these twice has the effect of sending them once (RFC 9110 section 9.2.2).
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);

    private final Vertx vertx;
    private final HttpClient client;
    private final Duration connectTimeout;
    private final ServiceBreakers breakers;
    private final ResilienceConfig resilience;
    private final long bodyLimit;

    ServiceProxy(Vertx vertx, GatewayConfig config, ServiceBreakers breakers, ResilienceConfig resilience,
            BodySizeLimit bodySizeLimit) {
        this.vertx = vertx;
        // No client span: TraceContext forwards the gateway's server span, one traceparent header and no duplicate.
        this.client = vertx.createHttpClient(new HttpClientOptions().setTracingPolicy(TracingPolicy.IGNORE),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));
        this.connectTimeout = config.connectTimeout();
        this.breakers = breakers;
        this.resilience = resilience;
        this.bodyLimit = bodySizeLimit.limit();
    }

    public void forward(RoutingContext ctx, ServiceRoute route) {
        RequestOptions target = target(route).setIdleTimeout(route.timeout().toMillis());
        int retries = IDEMPOTENT.contains(ctx.request().method()) ? resilience.connectRetries() : 0;
        // A proxy is a few small objects: one per request lets its interceptor carry this request's routing decision.
        HttpProxy.reverseProxy(OPTIONS, client)
                .origin(proxyContext -> connect(target, route, retries))
                .addInterceptor(new UpstreamExchange(route, forwardedUri(ctx), breakers, bodyLimit))
                .handle(ctx.request());
    }

    /** Where a route's service listens, with the gateway's connect timeout. */
    public RequestOptions target(ServiceRoute route) {
        return new RequestOptions()
                .setHost(route.host())
                .setPort(route.port())
                .setSsl(route.ssl())
                .setConnectTimeout(connectTimeout.toMillis());
    }

    public HttpClient client() {
        return client;
    }

    /**
     * A connection to the service. A refused connection is retried: nothing was sent, so only the method's semantics
     * decide whether a retry is safe. A connect timeout is not: retrying it would double the client's wait.
     */
    private Future<HttpClientRequest> connect(RequestOptions target, ServiceRoute route, int retriesLeft) {
        return client.request(target).recover(cause -> {
            if (retriesLeft == 0 || cause instanceof ConnectTimeoutException) {
                return Future.failedFuture(new ServiceUnreachableException(route, cause));
            }
            Promise<Void> pause = Promise.promise();
            vertx.setTimer(resilience.retryDelay().toMillis(), ignored -> pause.complete());
            return pause.future().compose(ignored -> connect(target, route, retriesLeft - 1));
        });
    }

    /** The path the route was chosen by (dot segments resolved), so a service never sees a path its route did not match. */
    public static String forwardedUri(RoutingContext ctx) {
        String query = ctx.request().query();
        return query == null ? ctx.normalizedPath() : ctx.normalizedPath() + "?" + query;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
