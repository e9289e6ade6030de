package org.careweave.gateway.websocket;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Browsers cannot set headers on a WebSocket handshake, so they carry the token in {@code Sec-WebSocket-Protocol}, by
 * the convention Quarkus websockets-next reads: {@code new WebSocket(url, ["bearer-token-carrier",
 * encodeURIComponent("quarkus-http-upgrade#Authorization#Bearer " + token)])}. This lifts such a token into the
 * {@code Authorization} header so the gateway's token check sees it; the subprotocols travel on unchanged, so the
 * chat service negotiates them itself.
 */
public final class SubprotocolToken {

    private static final String PREFIX = "quarkus-http-upgrade#Authorization#";

    private SubprotocolToken() {
    }

    public static void lift(RoutingContext ctx) {
        String upgrade = ctx.request().getHeader(HttpHeaders.UPGRADE);
        // Only a handshake may carry its token this way; plain HTTP calls use the header.
        if ("websocket".equalsIgnoreCase(upgrade) && ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            for (String offered : ctx.request().headers().getAll("Sec-WebSocket-Protocol")) {
                for (String protocol : offered.split(",")) {
                    String decoded = decode(protocol.strip());
                    if (decoded.startsWith(PREFIX)) {
                        ctx.request().headers().set(HttpHeaders.AUTHORIZATION, decoded.substring(PREFIX.length()));
                    }
                }
            }
        }
        ctx.next();
    }

    private static String decode(String protocol) {
        try {
            return URLDecoder.decode(protocol.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return protocol;
        }
    }
}
