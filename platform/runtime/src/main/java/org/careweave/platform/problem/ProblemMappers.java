package org.careweave.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error leaves a service as application/problem+json; nothing internal (stack traces, SQL) leaks. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** A restarting PostgreSQL or Keycloak is back within seconds; the pool and the clients reconnect by themselves. */
    static final int RETRY_AFTER_SECONDS = 2;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.status(), e.title(), e.getMessage(), uri, e.errors());
        // Something we depend on is away (the user directory, the database): tell the caller when to come back.
        return e.status() == 503 ? retryLater(response) : response;
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(400, "Invalid request", "The request has invalid fields", uri, errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        List<Problem.FieldError> errors = List.of();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            errors = List.of(new Problem.FieldError(field, "has a wrong type or format"));
        }
        return respond(400, "Invalid request", "The request body is not valid JSON for this operation", uri, errors);
    }

    /** Quarkus maps this subtype (unknown enum constant, text for a number) itself unless told otherwise. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(401, "Unauthorized", "A valid bearer token is required", uri, List.of());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(401, "Unauthorized", "A valid bearer token is required", uri, List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "Your role does not allow this operation", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("Request failed", e);
        }
        return respond(status.getStatusCode(), status.getReasonPhrase(), null, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseUnavailable.is(e)) {
            // Not our fault and usually over in seconds: the caller is told to come back, not that we broke.
            LOG.warnf("Database unavailable at %s: %s", uri.getPath(), e.getClass().getSimpleName());
            return retryLater(respond(503, "Service unavailable",
                    "The service's database cannot be reached right now; try again shortly", uri, List.of()));
        }
        LOG.errorf(e, "Unexpected failure at %s", uri.getPath());
        return respond(500, "Internal error", "The request could not be completed; quote the request id to support",
                uri, List.of());
    }

    private static Response retryLater(Response response) {
        return Response.fromResponse(response).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static Response respond(int status, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        Problem problem = new Problem("about:blank", title, status, detail, uri.getPath(), RequestIds.current(),
                errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(node -> {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.RETURN_VALUE) {
                nodes.add(node);
            }
        });
        // A violation inside a body names the body's field ("answers[3]"), not the Java parameter.
        if (nodes.size() > 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
            nodes.remove(0);
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append(field.length() > 0 ? "." : "").append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
