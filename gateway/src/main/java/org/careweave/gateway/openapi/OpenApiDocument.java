package org.careweave.gateway.openapi;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

import org.careweave.gateway.routing.RouteTable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.careweave.gateway.routing.ServiceProxy;
import org.careweave.gateway.routing.ServiceRoute;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code GET /api/openapi}: the services' documents, fetched when asked for and kept for a short while, merged
 * with the gateway's own paths. It needs no token (it describes the API, no patient data); a service that is down is
 * left out and named in the description rather than failing the whole document.
 */
@Singleton
public class OpenApiDocument implements Handler<RoutingContext> {

    public static final String PATH = GatewayPaths.OPENAPI;

    private final RouteTable routes;
    private final ServiceProxy proxy;
    private final OpenApiConfig config;
    private final OpenApiMerger merger;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    OpenApiDocument(RouteTable routes, ServiceProxy proxy, OpenApiConfig config,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        this.routes = routes;
        this.proxy = proxy;
        this.config = config;
        this.merger = new OpenApiMerger(config.title(), config.version(), (path, service) -> routes.match(path)
                .map(match -> match.route().name().equals(service)).orElse(false),
                new GatewayContract(config.serverUrl(), config.serverDescription(),
                        issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration"));
    }

    @Override
    public void handle(RoutingContext ctx) {
        current().onComplete(document -> {
            if (document.succeeded()) {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(document.result());
            } else {
                ctx.fail(document.cause());
            }
        });
    }

    private Future<Buffer> current() {
        Cached entry = cached.get();
        long now = System.nanoTime();
        if (entry != null && now - entry.fetchedAt() < config.cacheTtl().toNanos()) {
            return Future.succeededFuture(entry.document());
        }
        List<Future<ServiceDocument>> fetches = routes.routes().stream().map(this::fetch).toList();
        return Future.all(fetches).map(all -> {
            Buffer merged = merger.merge(fetches.stream().map(Future::result).toList(), GatewayPaths.document()).toBuffer();
            cached.set(new Cached(merged, now));
            return merged;
        });
    }

    /** Never fails: a service that does not deliver is recorded as missing. */
    private Future<ServiceDocument> fetch(ServiceRoute route) {
        return proxy.client()
                .request(proxy.target(route).setMethod(HttpMethod.GET).setURI(config.documentPath())
                        .setTimeout(config.fetchTimeout().toMillis())
                        .putHeader(HttpHeaders.ACCEPT, "application/json"))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body().map(body -> ServiceDocument.of(route.name(), new JsonObject(body)))
                        : response.body().map(ignored -> missing(route, response)))
                .recover(failure -> Future.succeededFuture(ServiceDocument.missing(route.name(),
                        failure.getClass().getSimpleName())));
    }

    private static ServiceDocument missing(ServiceRoute route, HttpClientResponse response) {
        return ServiceDocument.missing(route.name(), "status " + response.statusCode());
    }

    private record Cached(Buffer document, long fetchedAt) {
    }
}
