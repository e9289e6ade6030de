package org.careweave.gateway.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.careweave.gateway.problem.ProblemWriter;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a call with 403 problem+json before any service sees it when the caller lacks a role a matching policy
 * demands. Every matching policy must be satisfied, so the order of the configuration does not matter; a request no
 * policy matches goes on, and the service applies its own finer checks (care team, ownership).
 */
@Singleton
public class RoutePolicies implements Handler<RoutingContext> {

    private final List<RoutePolicy> policies;

    @Inject
    RoutePolicies(RoutePolicyConfig config) {
        this(config.policies().entrySet().stream()
                .map(entry -> RoutePolicy.of(entry.getKey(), entry.getValue().path(),
                        new HashSet<>(entry.getValue().methods().orElse(List.of())),
                        new HashSet<>(entry.getValue().roles())))
                .toList());
    }

    RoutePolicies(List<RoutePolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Set<String> missing = missingRoles(ctx.request().method().name(), ctx.normalizedPath(), Caller.of(ctx));
        if (missing.isEmpty()) {
            ctx.next();
        } else {
            ProblemWriter.write(ctx, 403, "This call needs one of the roles " + String.join(", ", missing));
        }
    }

    /** The roles of the first unsatisfied policy (sorted, for a stable message), or none when the call may proceed. */
    Set<String> missingRoles(String method, String path, Caller caller) {
        for (RoutePolicy policy : policies) {
            if (policy.appliesTo(method, path) && !caller.hasAnyRole(policy.roles())) {
                return new TreeSet<>(policy.roles());
            }
        }
        return Set.of();
    }
}
