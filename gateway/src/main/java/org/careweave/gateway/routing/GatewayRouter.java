package org.careweave.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.careweave.gateway.problem.ProblemWriter;
import org.careweave.gateway.security.BearerTokenCheck;
import org.careweave.gateway.tracing.RequestIds;
import org.jboss.logging.Logger;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's pipeline for {@code /api/*} on Quarkus' HTTP server: request id, route lookup (404), token check (401),
 * then the service. Everything else ({@code /q/health}, {@code /q/metrics}) is Quarkus' own and needs no token.
 */
@ApplicationScoped
public class GatewayRouter {

    private static final Logger LOG = Logger.getLogger(GatewayRouter.class);
    private static final String ROUTE = RouteMatch.class.getName();
    // Read by Quarkus' HTTP metrics (and tracing) as the request's route: bounded, and free of patient ids.
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final RouteTable routes;
    private final BearerTokenCheck tokenCheck;
    private final ServiceProxy proxy;

    GatewayRouter(RouteTable routes, BearerTokenCheck tokenCheck, ServiceProxy proxy) {
        this.routes = routes;
        this.tokenCheck = tokenCheck;
        this.proxy = proxy;
    }

    void register(@Observes Router router) {
        routes.routes().forEach(route -> LOG.infof("Route %s -> %s:%d %s (timeout %d ms)", route.name(),
                route.host(), route.port(), route.prefixes(), route.timeout().toMillis()));
        router.route("/api/*")
                .handler(RequestIds::assign)
                .handler(this::resolveRoute)
                .handler(tokenCheck)
                .handler(ctx -> proxy.forward(ctx, ctx.<RouteMatch> get(ROUTE).route()));
    }

    private void resolveRoute(RoutingContext ctx) {
        // Matched on the normalized path, the one that is forwarded: /api/therapy/../prescriptions is a prescription call.
        routes.match(ctx.normalizedPath()).ifPresentOrElse(match -> {
            ctx.put(ROUTE, match);
            ContextLocals.put(URL_PATH_TEMPLATE, match.prefix() + "/*");
            ctx.next();
        }, () -> ProblemWriter.write(ctx, 404, "No service answers " + ctx.request().path()));
    }
}
