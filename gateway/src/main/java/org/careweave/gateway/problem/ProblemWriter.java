package org.careweave.gateway.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/** Answers a request with a problem the gateway decided on itself (no service was called). */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(RoutingContext ctx, int status, String detail) {
        HttpServerRequest request = ctx.request();
        Problem problem = Problem.of(request, status, detail);
        if (!request.isEnded()) {
            // Drain an unread (possibly paused) body so the connection can be reused.
            request.resume();
        }
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problem.toJson());
    }
}
