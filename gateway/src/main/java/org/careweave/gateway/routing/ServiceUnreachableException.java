package org.careweave.gateway.routing;

/** No connection to the service could be made (refused, unknown host, connect timeout): it counts as down. */
class ServiceUnreachableException extends RuntimeException {

    ServiceUnreachableException(ServiceRoute route, ServiceRoute.Upstream upstream, Throwable cause) {
        super("No connection to " + route.name() + " at " + upstream + ": " + cause.getMessage(), cause);
    }
}
