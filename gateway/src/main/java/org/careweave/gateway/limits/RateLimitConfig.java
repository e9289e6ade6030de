package org.careweave.gateway.limits;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Rate limit groups keyed by name, e.g. {@code careweave.gateway.rate-limits.chat.*}; the group named
 * {@code default} covers every path no other group claims.
 */
@ConfigMapping(prefix = "careweave.gateway")
public interface RateLimitConfig {

    Map<String, Group> rateLimits();

    /**
     * Path patterns where a message is screened for crisis language by its service before that service's own limit
     * applies: an authenticated caller is never refused here, so a patient in crisis always reaches the screening.
     */
    Optional<List<String>> screenedPaths();

    interface Group {

        /** Path prefixes of the group (whole segments; the longest wins). The default group has none. */
        Optional<List<String>> prefixes();

        /** Sustained rate per token subject. */
        @WithDefault("120")
        int requestsPerMinute();

        /** Requests a subject may make at once before the sustained rate applies. */
        @WithDefault("60")
        int burst();

        /** Sustained rate per client address for calls without a valid token. */
        @WithDefault("30")
        int anonymousRequestsPerMinute();

        @WithDefault("10")
        int anonymousBurst();
    }
}
