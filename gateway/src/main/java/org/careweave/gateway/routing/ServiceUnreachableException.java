package org.careweave.gateway.routing;

/** No connection to the service could be made (refused, unknown host, connect timeout): it counts as down. */
class ServiceUnreachableException extends RuntimeException {

    ServiceUnreachableException(ServiceRoute route, Throwable cause) {
        super("No connection to " + route.name() + " at " + route.host() + ":" + route.port() + ": "
                + cause.getMessage(), cause);
    }
}
