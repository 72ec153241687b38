package org.asicscm.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Query parameters without control characters, whatever the operation: a NUL in a filter is no
 * lot number, and PostgreSQL refuses it in a text comparison (which answered 500). 400 naming the
 * parameter, before any resource runs.
 */
@Provider
@PreMatching
public class QueryCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        for (var parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    request.abortWith(Problem.response(
                            400,
                            "invalid-input",
                            "Invalid input",
                            parameter.getKey() + " must not contain control characters",
                            List.of(new Problem.FieldError(
                                    StrictJson.cleanText(parameter.getKey()), "must not contain control characters")),
                            null));
                    return;
                }
            }
        }
    }
}
