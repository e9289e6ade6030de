package org.careweave.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which service answers which path prefixes, and how long the gateway waits for it. */
@ConfigMapping(prefix = "careweave.gateway")
public interface GatewayConfig {

    /** Routes keyed by service name, e.g. {@code careweave.gateway.routes.care-plan.url}. */
    Map<String, RouteConfig> routes();

    /** Time to obtain a connection to a service; after it the service counts as unavailable (503). */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Pooled connections per replica of a service, for plain requests (streams have a pool of their own). */
    @WithDefault("200")
    int maxConnectionsPerService();

    interface RouteConfig {

        /**
         * Scheme, host and port of the service, e.g. {@code http://localhost:8081}; paths are forwarded unchanged.
         * Several replicas: a comma-separated list, balanced round-robin.
         */
        List<URI> url();

        /** Path prefixes this service answers, matched on whole path segments. */
        List<String> prefixes();

        /** Longest silence from the service during one exchange before the gateway answers 504. */
        @WithDefault("30s")
        Duration timeout();
    }
}
