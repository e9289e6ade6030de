package org.careweave.gateway.problem;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import org.careweave.gateway.tracing.RequestIds;

/** RFC 9457 problem details, shaped like the services' problems (type {@code about:blank}, title = status phrase). */
public record Problem(int status, String detail, String instance, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem about this request: its path is the instance, its request id is quoted. */
    public static Problem of(HttpServerRequest request, int status, String detail) {
        return new Problem(status, detail, request.path(), RequestIds.of(request));
    }

    public String title() {
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }

    public Buffer toJson() {
        return new JsonObject()
                .put("type", "about:blank")
                .put("title", title())
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance)
                .put("requestId", requestId)
                .toBuffer();
    }
}
