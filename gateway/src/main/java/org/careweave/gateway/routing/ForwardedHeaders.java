package org.careweave.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    static void replace(MultiMap headers, HttpServerRequest client) {
        List<String> spoofable = new ArrayList<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("forwarded") || lower.startsWith("x-forwarded-")) {
                spoofable.add(name);
            }
        }
        spoofable.forEach(headers::remove);
        headers.set("X-Forwarded-For", client.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", client.scheme());
        HostAndPort authority = client.authority();
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority.toString());
        }
    }
}
