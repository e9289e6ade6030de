package org.careweave.gateway.resilience;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the gateway treats a failing service: {@code careweave.gateway.resilience.*}. */
@ConfigMapping(prefix = "careweave.gateway.resilience")
public interface ResilienceConfig {

    /** Consecutive failures (no connection, no answer in time, a broken exchange, a 5xx answer) within {@link #failureWindow()} that open a service's breaker. */
    @WithDefault("5")
    int breakerFailures();

    @WithDefault("10s")
    Duration failureWindow();

    /** How long an open breaker answers 503 at once before letting one probe call through (half-open). */
    @WithDefault("10s")
    Duration breakerOpenFor();

    /** Extra connection attempts for idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE); 0 turns retries off. */
    @WithDefault("1")
    int connectRetries();

    @WithDefault("100ms")
    Duration retryDelay();

    /** A replica that refused a connection gets no requests for this long while the route has others. */
    @WithDefault("5s")
    Duration replicaDownFor();
}
