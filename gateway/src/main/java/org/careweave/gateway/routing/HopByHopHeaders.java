package org.careweave.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.vertx.core.MultiMap;

/**
 * Headers that describe one connection, not the message (RFC 9110 section 7.6.1): they must not cross the gateway in
 * either direction, including any header the {@code Connection} header names.
 */
final class HopByHopHeaders {

    private static final Set<String> FIXED = Set.of("connection", "keep-alive", "te", "trailer", "transfer-encoding",
            "upgrade");

    private HopByHopHeaders() {
    }

    static void remove(MultiMap headers) {
        List<String> doomed = new ArrayList<>();
        for (String connection : headers.getAll("connection")) {
            for (String token : connection.split(",")) {
                doomed.add(token.strip());
            }
        }
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            // Proxy-Authorization, Proxy-Authenticate, the non-standard Proxy-Connection, ...
            if (FIXED.contains(lower) || lower.startsWith("proxy-")) {
                doomed.add(name);
            }
        }
        doomed.forEach(headers::remove);
    }
}
