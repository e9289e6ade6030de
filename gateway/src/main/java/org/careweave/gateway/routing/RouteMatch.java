package org.careweave.gateway.routing;

/** The service a request goes to, and the configured prefix that chose it. */
public record RouteMatch(ServiceRoute route, String prefix) {
}
