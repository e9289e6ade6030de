package org.careweave.gateway.streams;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Long-lived streams (server-sent events, WebSockets): {@code careweave.gateway.streams.*}. */
@ConfigMapping(prefix = "careweave.gateway.streams")
public interface StreamsConfig {

    /** Open streams per route (each holds a connection of the stream pool to its service); beyond it 503. */
    @WithDefault("5000")
    int maxPerRoute();

    /** Open streams per token subject over all routes; beyond it 429 until one is closed. */
    @WithDefault("10")
    int maxPerUser();

    /** Paths answered as event streams even when the request does not say {@code Accept: text/event-stream}. */
    @WithDefault("/api/providers/me/feed")
    List<String> paths();

    /** The {@code Retry-After} of a refused stream. */
    @WithDefault("5s")
    Duration retryAfter();
}
