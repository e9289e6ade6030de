package org.careweave.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.careweave.gateway.limits.BodySizeLimit;
import org.careweave.gateway.limits.RateLimiter;
import org.careweave.gateway.audit.AuditEntries;
import org.careweave.gateway.openapi.EventsDescription;
import org.careweave.gateway.openapi.GatewayPaths;
import org.careweave.gateway.openapi.OpenApiDocument;
import org.careweave.gateway.problem.ProblemWriter;
import org.careweave.gateway.security.BearerTokenCheck;
import org.careweave.gateway.security.RoutePolicies;
import org.careweave.gateway.security.SecurityHeaders;
import org.careweave.gateway.streams.StreamBudget;
import org.careweave.gateway.tracing.AccessLog;
import org.careweave.gateway.tracing.RequestIds;
import org.careweave.gateway.websocket.SubprotocolToken;
import org.careweave.gateway.websocket.WebSocketRelay;
import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's pipeline for {@code /api/*} on Quarkus' HTTP server: request id and access log, ambiguous paths
 * (400), route lookup (404),
 * body size (413), caller identification, rate limit (429), token required (401), route policy (403), the stream
 * budget for server-sent events and WebSockets (429 per caller, 503 per route), then the service over HTTP or
 * WebSocket. {@code GET /api/openapi} and {@code /api/asyncapi} are public; {@code GET /api/audit-entries} is
 * answered here from every service. Everything else ({@code /q/health}, {@code /q/metrics})
 * is Quarkus' own and needs no token; CORS is Quarkus' filter ({@code quarkus.http.cors.*}), ahead of all of this.
 */
@ApplicationScoped
public class GatewayRouter {

    private static final Logger LOG = Logger.getLogger(GatewayRouter.class);
    private static final String ROUTE = RouteMatch.class.getName();
    // Read by Quarkus' HTTP metrics (and tracing) as the request's route: bounded, and free of patient ids.
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final RouteTable routes;
    private final SecurityHeaders securityHeaders;
    private final BodySizeLimit bodySizeLimit;
    private final BearerTokenCheck tokenCheck;
    private final RateLimiter rateLimiter;
    private final RoutePolicies policies;
    private final ServiceProxy proxy;
    private final WebSocketRelay sockets;
    private final StreamBudget streams;
    private final OpenApiDocument openApi;
    private final EventsDescription asyncApi;
    private final AuditEntries auditEntries;

    GatewayRouter(RouteTable routes, SecurityHeaders securityHeaders, BodySizeLimit bodySizeLimit,
            BearerTokenCheck tokenCheck, RateLimiter rateLimiter, RoutePolicies policies, ServiceProxy proxy,
            WebSocketRelay sockets, StreamBudget streams, OpenApiDocument openApi, EventsDescription asyncApi, AuditEntries auditEntries) {
        this.routes = routes;
        this.securityHeaders = securityHeaders;
        this.bodySizeLimit = bodySizeLimit;
        this.tokenCheck = tokenCheck;
        this.rateLimiter = rateLimiter;
        this.policies = policies;
        this.proxy = proxy;
        this.sockets = sockets;
        this.streams = streams;
        this.openApi = openApi;
        this.asyncApi = asyncApi;
        this.auditEntries = auditEntries;
    }

    void register(@Observes Router router) {
        routes.routes().forEach(route -> LOG.infof("Route %s -> %s %s (timeout %d ms)", route.name(),
                route.upstreams(), route.prefixes(), route.timeout().toMillis()));
        // Every answer the router produces, health and metrics included.
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(securityHeaders);
        router.get(OpenApiDocument.PATH)
                .handler(RequestIds::assign)
                .handler(AccessLog::start)
                .handler(ctx -> {
                    AccessLog.route(ctx, OpenApiDocument.PATH);
                    ctx.next();
                })
                .handler(openApi);
        router.get(GatewayPaths.ASYNCAPI)
                .handler(RequestIds::assign)
                .handler(AccessLog::start)
                .handler(ctx -> {
                    AccessLog.route(ctx, GatewayPaths.ASYNCAPI);
                    ctx.next();
                })
                .handler(asyncApi);
        // Answered here from every service (admins only), so it takes the token and rate-limit steps itself.
        router.get(GatewayPaths.AUDIT_ENTRIES)
                .handler(RequestIds::assign)
                .handler(AccessLog::start)
                .handler(ctx -> {
                    AccessLog.route(ctx, GatewayPaths.AUDIT_ENTRIES);
                    ctx.next();
                })
                .handler(tokenCheck::authenticate)
                .handler(rateLimiter)
                .handler(tokenCheck::require)
                .handler(auditEntries);
        router.route("/api/*")
                .handler(RequestIds::assign)
                .handler(AccessLog::start)
                .handler(PathSyntax::refuseAmbiguous)
                .handler(this::resolveRoute)
                .handler(bodySizeLimit)
                .handler(SubprotocolToken::lift)
                .handler(tokenCheck::authenticate)
                .handler(rateLimiter)
                .handler(tokenCheck::require)
                .handler(policies)
                .handler(this::forward);
    }

    private void resolveRoute(RoutingContext ctx) {
        // Matched on the normalized path, the one that is forwarded: /api/therapy/../prescriptions is a prescription call.
        routes.match(ctx.normalizedPath()).ifPresentOrElse(match -> {
            ctx.put(ROUTE, match);
            String template = match.prefix() + "/*";
            ContextLocals.put(URL_PATH_TEMPLATE, template);
            AccessLog.route(ctx, template);
            ctx.next();
        }, () -> ProblemWriter.write(ctx, 404, "No service answers " + ctx.request().path()));
    }

    private void forward(RoutingContext ctx) {
        ServiceRoute route = ctx.<RouteMatch> get(ROUTE).route();
        boolean socket = sockets.isHandshake(ctx);
        if (!socket && !streams.isEventStream(ctx)) {
            proxy.forward(ctx, route);
            return;
        }
        StreamBudget.Slot slot = streams.open(ctx, route);
        if (slot == null) {
            return;
        }
        if (socket) {
            sockets.relay(ctx, route, slot::release);
        } else {
            // Whichever comes first: the response ends or its connection closes, or the proxy is done with it.
            ctx.addEndHandler(ignored -> slot.release());
            proxy.forwardStream(ctx, route, slot::release);
        }
    }
}
