package org.careweave.gateway.dashboard;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.config.ConfigMapping;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The provider dashboard's pages (static files of the {@code dashboard} module) under {@code /dashboard/}: a strict
 * Content-Security-Policy on every one of them, and {@code /dashboard/config.json}, which tells the browser where
 * Keycloak is and which client to sign in with. The pages call the API on this same origin; the only other origin
 * they may reach is Keycloak's, for the token endpoint.
 */
@ApplicationScoped
public class DashboardPages {

    static final String CONFIG_PATH = "/dashboard/config.json";

    private final String contentSecurityPolicy;
    private final String config;

    DashboardPages(Config settings) {
        String keycloak = origin(settings.authServerUrl());
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                + "font-src 'self'; connect-src 'self' " + keycloak + "; form-action 'none'; base-uri 'none'; "
                + "frame-ancestors 'none'";
        this.config = new JsonObject()
                .put("authServerUrl", settings.authServerUrl().replaceAll("/+$", ""))
                .put("clientId", settings.clientId())
                .encode();
    }

    void register(@Observes Router router) {
        router.routeWithRegex("/dashboard(/.*)?").order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::headers);
        // A regex, since a plain "/dashboard" route would also match "/dashboard/" and redirect it to itself.
        router.getWithRegex("/dashboard").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(ctx -> ctx.redirect("/dashboard/"));
        router.get(CONFIG_PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::config);
    }

    private void headers(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> {
            ctx.response().headers().set("Content-Security-Policy", contentSecurityPolicy);
            // Pages change with every release and must never outlive a logout in a shared browser's cache.
            ctx.response().headers().set("Cache-Control", "no-store");
        });
        ctx.next();
    }

    private void config(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json").end(config);
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    @ConfigMapping(prefix = "careweave.gateway.dashboard")
    public interface Config {

        /** Keycloak's realm URL as the browser reaches it (the issuer of the tokens the API accepts). */
        String authServerUrl();

        /** The public client the dashboard signs in with (authorization code + PKCE). */
        String clientId();
    }
}
