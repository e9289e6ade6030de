package org.careweave.gateway.routing;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;

/** Forwards a request to its service through Vert.x' reverse proxy, on one pooled client shared by all routes. */
@Singleton
public class ServiceProxy {

    // WebSocket upgrades skip the proxy's interceptors (header rules, problems); they get their own route later.
    private static final ProxyOptions OPTIONS = new ProxyOptions().setSupportWebSocket(false);

    private final HttpClient client;
    private final Duration connectTimeout;

    ServiceProxy(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions(),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));
        this.connectTimeout = config.connectTimeout();
    }

    public void forward(RoutingContext ctx, ServiceRoute route) {
        RequestOptions target = new RequestOptions()
                .setHost(route.host())
                .setPort(route.port())
                .setSsl(route.ssl())
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(route.timeout().toMillis());
        // A proxy is a few small objects: one per request lets its interceptor carry this request's routing decision.
        HttpProxy.reverseProxy(OPTIONS, client)
                .origin(proxyContext -> client.request(target)
                        .recover(cause -> Future.failedFuture(new ServiceUnreachableException(route, cause))))
                .addInterceptor(new UpstreamExchange(route, forwardedUri(ctx)))
                .handle(ctx.request());
    }

    /** The path the route was chosen by (dot segments resolved), so a service never sees a path its route did not match. */
    private static String forwardedUri(RoutingContext ctx) {
        String query = ctx.request().query();
        return query == null ? ctx.normalizedPath() : ctx.normalizedPath() + "?" + query;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
