package org.careweave.gateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

/**
 * Tells the services who called and how. The gateway is the edge, so forwarding headers sent by the client are
 * replaced, never trusted; behind a load balancer, {@code quarkus.http.proxy.*} makes the request's remote address
 * and scheme those of the real client.
 */
final class ForwardedHeaders {

    private ForwardedHeaders() {
    }

    /** A client's claim about forwarding ({@code Forwarded}, {@code X-Forwarded-*}): never passed on. */
    static boolean isForwarding(String name) {
        return name.equalsIgnoreCase("forwarded") || name.regionMatches(true, 0, "x-forwarded-", 0, 12);
    }

    /** The gateway's own account of the client, onto headers that hold no forwarding header yet. */
    static void add(MultiMap headers, HttpServerRequest client) {
        headers.set("X-Forwarded-For", client.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", client.scheme());
        HostAndPort authority = client.authority();
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority.toString());
        }
    }
}
