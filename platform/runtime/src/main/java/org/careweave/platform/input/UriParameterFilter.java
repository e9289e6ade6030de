package org.careweave.platform.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Path and query parameters, once decoded, obey {@link InputLimits} too: a {@code %00} answers 400. */
public class UriParameterFilter {

    @ServerRequestFilter
    public void rejectControlCharacters(ContainerRequestContext request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        collect(request.getUriInfo().getPathParameters(), errors);
        collect(request.getUriInfo().getQueryParameters(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The request has invalid fields", errors);
        }
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            boolean bad = InputLimits.hasControlCharacter(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(InputLimits::hasControlCharacter);
            if (bad) {
                String name = InputLimits.hasControlCharacter(parameter.getKey()) ? "query" : parameter.getKey();
                errors.add(new Problem.FieldError(name, InputLimits.CONTROL_CHARACTERS));
            }
        }
    }
}
