package org.careweave.chat.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.careweave.chat.domain.SendRateExceeded;
import org.careweave.platform.problem.Problem;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 429 problem+json with Retry-After when a user sends faster than the limit. */
public class SendRateExceededMapper {

    @ServerExceptionMapper
    public Response tooMany(SendRateExceeded e, UriInfo uri) {
        Object requestId = MDC.get("requestId");
        Problem problem = new Problem("about:blank", "Too many messages", 429, e.getMessage(), uri.getPath(),
                requestId == null ? null : requestId.toString(), List.of());
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfterSeconds())
                .entity(problem).build();
    }
}
