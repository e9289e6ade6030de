package org.careweave.gateway.security;

import java.time.Duration;

import jakarta.inject.Singleton;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Hardening headers on every answer, whoever wrote it (a service, the gateway, Quarkus): no MIME sniffing, no
 * framing, no referrer, no product names or versions; HSTS only when the client reached us over TLS, directly or
 * through a TLS-terminating load balancer ({@code X-Forwarded-Proto: https}).
 */
@Singleton
public class SecurityHeaders implements Handler<RoutingContext> {

    private final String hsts;

    SecurityHeaders(Config config) {
        this.hsts = "max-age=" + config.hstsMaxAge().toSeconds() + "; includeSubDomains";
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        boolean tls = request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.remove("Server");
            headers.remove("X-Powered-By");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            if (tls) {
                headers.set("Strict-Transport-Security", hsts);
            }
        });
        ctx.next();
    }

    @ConfigMapping(prefix = "careweave.gateway")
    public interface Config {

        /** How long a browser keeps to HTTPS for this host once told (sent over TLS only). */
        @WithDefault("365d")
        Duration hstsMaxAge();
    }
}
