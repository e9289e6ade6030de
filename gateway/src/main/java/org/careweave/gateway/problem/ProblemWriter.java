package org.careweave.gateway.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;

/** Answers a request with a problem the gateway decided on itself (no service was called). */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(RoutingContext ctx, int status, String detail) {
        write(ctx, status, detail, new JsonArray());
    }

    /** @param errors the invalid fields of a 400, each {@code {"field":..., "message":...}} as the services write them */
    public static void write(RoutingContext ctx, int status, String detail, JsonArray errors) {
        HttpServerRequest request = ctx.request();
        Problem problem = Problem.of(request, status, detail);
        if (!request.isEnded()) {
            // Drain an unread (possibly paused) body so the connection can be reused.
            request.resume();
        }
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(errors.isEmpty() ? problem.toJson() : problem.toJson().toJsonObject().put("errors", errors).toBuffer());
    }
}
