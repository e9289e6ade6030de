package org.careweave.gateway.tracing;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every API request an {@code X-Request-Id}: the client's when it is sane, a new one otherwise. The id is
 * written into the request headers (so the proxy forwards it and problems quote it) and onto the response.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    // Safe in logs and headers; long enough for UUIDs, ULIDs and most tracing-vendor ids (services accept up to 100).
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:=+/-]{1,100}");

    private RequestIds() {
    }

    public static void assign(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String given = request.getHeader(HEADER);
        boolean keep = given != null && request.headers().getAll(HEADER).size() == 1 && SANE.matcher(given).matches();
        String id = keep ? given : newId();
        request.headers().set(HEADER, id);
        // Set last, so a service echoing the id does not make the header appear twice.
        ctx.addHeadersEndHandler(ignored -> ctx.response().headers().set(HEADER, id));
        ctx.next();
    }

    /**
     * A random (version 4) UUID. An id only correlates log lines, it guards nothing: ThreadLocalRandom instead of
     * UUID.randomUUID()'s SecureRandom, which locks and reads the kernel's entropy on every request.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = random.nextLong() & ~0xF000L | 0x4000L;
        long least = random.nextLong() & ~(0xC000L << 48) | (0x8000L << 48);
        return new UUID(most, least).toString();
    }

    /** The id {@link #assign} gave the request. */
    public static String of(HttpServerRequest request) {
        return request.getHeader(HEADER);
    }
}
