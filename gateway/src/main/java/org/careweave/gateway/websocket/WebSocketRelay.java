package org.careweave.gateway.websocket;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Singleton;

import org.careweave.gateway.problem.ProblemWriter;
import org.careweave.gateway.resilience.ServiceBreakers;
import org.careweave.gateway.resilience.ServiceBreakers.Verdict;
import org.careweave.gateway.routing.ServiceProxy;
import org.careweave.gateway.routing.ServiceRoute;
import org.careweave.gateway.tracing.TraceContext;
import org.jboss.logging.Logger;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.RoutingContext;

/**
 * Relays a WebSocket handshake to its service after the gateway's own checks (token, limits, policies), then tunnels
 * the connection byte for byte. Vert.x' proxy would tunnel upgrades too, but without its interceptors: the path would
 * not be normalized, client-sent forwarding headers not replaced, failures not answered as problems.
 */
@Singleton
public class WebSocketRelay {

    private static final Logger LOG = Logger.getLogger(WebSocketRelay.class);
    // Connection-level headers the relay sets itself; everything else of the handshake (Sec-WebSocket-*) goes on.
    private static final Set<String> NOT_RELAYED = Set.of("connection", "upgrade", "host", "keep-alive", "te",
            "trailer", "transfer-encoding", "forwarded", "proxy-authorization", "proxy-connection");

    private static final TextMapGetter<HttpServerRequest> FROM_REQUEST = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServerRequest request) {
            return request.headers().names();
        }

        @Override
        public String get(HttpServerRequest request, String key) {
            return request == null ? null : request.getHeader(key);
        }
    };

    private final ServiceProxy proxy;
    private final ServiceBreakers breakers;
    private final List<String> paths;
    private final Tracer tracer;

    WebSocketRelay(ServiceProxy proxy, ServiceBreakers breakers, Config config, OpenTelemetry openTelemetry) {
        this.proxy = proxy;
        this.breakers = breakers;
        this.paths = config.websocketPaths().stream().map(String::strip).toList();
        this.tracer = openTelemetry.getTracer("org.careweave.gateway");
    }

    /** A WebSocket handshake to one of the configured socket paths. */
    public boolean isHandshake(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String upgrade = request.getHeader(HttpHeaders.UPGRADE);
        return request.method() == HttpMethod.GET && upgrade != null && upgrade.equalsIgnoreCase("websocket")
                && paths.contains(ctx.normalizedPath());
    }

    /** @param release frees the stream's place once the socket is closed (or the handshake did not succeed) */
    public void relay(RoutingContext ctx, ServiceRoute route, Runnable release) {
        HttpServerRequest client = ctx.request();
        Span handshake = handshakeSpan(ctx, route);
        breakers.<HttpClientResponse> call(route.name(), () -> proxy.streamClient()
                .request(proxy.target(route).setMethod(HttpMethod.GET).setURI(ServiceProxy.forwardedUri(ctx)))
                .compose(upstream -> {
                    try (Scope scope = handshake.makeCurrent()) {
                        copyHandshakeHeaders(client, upstream.headers());
                    }
                    return upstream.connect().onSuccess(WebSocketRelay::holdFrames);
                }), result -> result.failed() ? (client.response().closed() ? Verdict.NO_VERDICT : Verdict.FAILED)
                        : Verdict.of(result.result().statusCode()))
                .onSuccess(upstream -> {
                    handshake.setAttribute("http.response.status_code", upstream.statusCode());
                    handshake.end();
                    if (upstream.statusCode() == 101) {
                        tunnel(client, upstream, release);
                    } else {
                        release.run();
                        refuse(ctx, upstream);
                    }
                })
                .onFailure(failure -> {
                    handshake.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                    handshake.end();
                    release.run();
                    LOG.warnf("WebSocket handshake to %s failed: %s", route.name(), failure.getMessage());
                    ProblemWriter.write(ctx, 503, failure instanceof ServiceBreakers.OpenException
                            ? "The " + route.name() + " service is failing; the gateway is not calling it for a moment"
                            : "The " + route.name() + " service is not reachable; try again shortly");
                });
    }

    /**
     * The handshake's own span, ended when the service has answered it: an upgraded request never ends as an HTTP
     * exchange, so the server span of the request is never exported. It continues the client's trace, and the
     * service's socket (and every message sent on it) continues this span.
     */
    private Span handshakeSpan(RoutingContext ctx, ServiceRoute route) {
        Context parent = Span.current().getSpanContext().isValid() ? Context.current()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), ctx.request(), FROM_REQUEST);
        return tracer.spanBuilder("WebSocket handshake " + ctx.normalizedPath()).setParent(parent)
                .setSpanKind(SpanKind.SERVER).setAttribute("careweave.route", route.name()).startSpan();
    }

    private static void copyHandshakeHeaders(HttpServerRequest client, MultiMap out) {
        client.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_RELAYED.contains(name) && !name.startsWith("x-forwarded-")) {
                out.add(header.getKey(), header.getValue());
            }
        });
        out.set(HttpHeaders.CONNECTION, "Upgrade");
        out.set(HttpHeaders.UPGRADE, "websocket");
        out.set("X-Forwarded-For", client.remoteAddress().hostAddress());
        out.set("X-Forwarded-Proto", client.scheme());
        if (client.authority() != null) {
            out.set("X-Forwarded-Host", client.authority().toString());
        }
        TraceContext.ensure(out);
    }

    /**
     * A service may speak first (a greeting right after the handshake). Frames that arrive before the client side of
     * the tunnel exists would be dropped, so the service's socket is paused at once and resumed once both sides are
     * joined.
     */
    private static void holdFrames(HttpClientResponse upstream) {
        if (upstream.statusCode() == 101) {
            upstream.netSocket().pause();
        }
    }

    private static void tunnel(HttpServerRequest client, HttpClientResponse upstream, Runnable release) {
        HttpServerResponse response = client.response();
        response.setStatusCode(101);
        // Sec-WebSocket-Accept answers the client's own key, and the chosen subprotocol is the service's choice.
        response.headers().addAll(upstream.headers());
        NetSocket upstreamSocket = upstream.netSocket();
        client.toNetSocket().onSuccess(clientSocket -> {
            clientSocket.handler(upstreamSocket::write);
            upstreamSocket.handler(clientSocket::write);
            clientSocket.closeHandler(ignored -> {
                release.run();
                upstreamSocket.close();
            });
            upstreamSocket.closeHandler(ignored -> {
                release.run();
                clientSocket.close();
            });
            upstreamSocket.resume();
        }).onFailure(failure -> {
            LOG.debugf("Client left during the WebSocket handshake: %s", failure.getMessage());
            release.run();
            upstreamSocket.close();
        });
    }

    /** The service said no (e.g. 401, 404): the client gets its answer as it is. */
    private static void refuse(RoutingContext ctx, HttpClientResponse upstream) {
        upstream.body().onComplete(body -> {
            HttpServerResponse response = ctx.response().setStatusCode(upstream.statusCode());
            String type = upstream.getHeader(HttpHeaders.CONTENT_TYPE);
            if (type != null) {
                response.putHeader(HttpHeaders.CONTENT_TYPE, type);
            }
            if (body.succeeded()) {
                response.end(body.result());
            } else {
                response.end();
            }
        });
    }

    @ConfigMapping(prefix = "careweave.gateway")
    public interface Config {

        /** Paths whose WebSocket handshakes are relayed to the route's service. */
        @WithDefault("/api/chat/ws")
        List<String> websocketPaths();
    }
}
