package org.careweave.gateway.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Role rules checked at the gateway, keyed by a name, e.g. {@code careweave.gateway.policies.prescribe.*}. */
@ConfigMapping(prefix = "careweave.gateway")
public interface RoutePolicyConfig {

    Map<String, Policy> policies();

    interface Policy {

        /** Path pattern: whole segments, {@code *} for one segment, a final {@code **} for the rest. */
        String path();

        /** HTTP methods the policy covers; all methods when absent. */
        Optional<List<String>> methods();

        /** Realm roles allowed; the caller needs at least one. */
        List<String> roles();
    }
}
