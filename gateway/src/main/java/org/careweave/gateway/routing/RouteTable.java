package org.careweave.gateway.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The configured routes; finds the service for a request path (the longest matching prefix wins). */
@Singleton
public class RouteTable {

    private final List<ServiceRoute> routes;

    @Inject
    RouteTable(GatewayConfig config) {
        this(config.routes().entrySet().stream()
                .map(entry -> ServiceRoute.of(entry.getKey(), entry.getValue().url(), entry.getValue().prefixes(),
                        entry.getValue().timeout()))
                .toList());
    }

    RouteTable(List<ServiceRoute> routes) {
        Map<String, String> owners = new HashMap<>();
        for (ServiceRoute route : routes) {
            for (String prefix : route.prefixes()) {
                String owner = owners.putIfAbsent(prefix, route.name());
                if (owner != null) {
                    throw new IllegalStateException("Prefix " + prefix + " is routed to both " + owner + " and "
                            + route.name());
                }
            }
        }
        this.routes = List.copyOf(routes);
    }

    public Optional<RouteMatch> match(String path) {
        RouteMatch best = null;
        for (ServiceRoute route : routes) {
            String prefix = route.longestPrefixOf(path);
            if (prefix != null && (best == null || prefix.length() > best.prefix().length())) {
                best = new RouteMatch(route, prefix);
            }
        }
        return Optional.ofNullable(best);
    }

    public List<ServiceRoute> routes() {
        return routes;
    }
}
