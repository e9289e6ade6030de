package org.careweave.gateway.routing;

import java.util.Locale;
import java.util.regex.Pattern;

import org.careweave.gateway.problem.ProblemWriter;

import io.vertx.ext.web.RoutingContext;

/**
 * Refuses paths that the gateway and the services could read differently, before routing and policies:
 * matrix parameters ({@code ;x}, which the services strip but a route policy would not match), and encoded
 * separators ({@code %3B}, {@code %2F}, {@code %5C}, {@code %25} for double encoding) or a backslash. Dot
 * segments, plain or encoded, need no refusal: routing and forwarding both use the normalized path.
 */
final class PathSyntax {

    private static final Pattern AMBIGUOUS = Pattern.compile(";|\\\\|%3b|%2f|%5c|%25");

    private PathSyntax() {
    }

    /** Almost every path has none of ';', '\\', '%': those skip the lower-casing and the pattern. */
    private static boolean mayBeAmbiguous(String path) {
        return path.indexOf(';') >= 0 || path.indexOf('\\') >= 0 || path.indexOf('%') >= 0;
    }

    static void refuseAmbiguous(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path != null && mayBeAmbiguous(path) && AMBIGUOUS.matcher(path.toLowerCase(Locale.ROOT)).find()) {
            ProblemWriter.write(ctx, 400, "The path holds ';', a backslash or an encoded separator; use plain segments");
        } else {
            ctx.next();
        }
    }
}
