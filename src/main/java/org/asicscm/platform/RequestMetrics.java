package org.asicscm.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Times every API request per endpoint (method and path template, e.g. {@code POST
 * build-orders/{id}/allocate}) and status, and counts refusals by their problem code, so an
 * operator sees which operation is slow and which rule users run into (insufficient-dies is a
 * shortage).
 */
@Provider
@ApplicationScoped
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String STARTED = RequestMetrics.class.getName() + ".started";
    private static final Metadata REQUESTS = Metadata.builder()
            .withName("scm_request")
            .withDescription("API requests by endpoint and status")
            .withUnit(MetricUnits.NANOSECONDS)
            .build();
    private static final Metadata REFUSALS = Metadata.builder()
            .withName("scm_refusals_total")
            .withDescription("requests refused by a business rule, by the rule's code")
            .build();

    @Inject
    MetricRegistry registry;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        String endpoint = request.getMethod() + " " + template();
        registry.timer(REQUESTS, new Tag("endpoint", endpoint), new Tag("status", String.valueOf(response.getStatus())))
                .update(Duration.ofNanos(System.nanoTime() - started));
        if (response.getStatus() == 409
                && response.getEntity() instanceof Map<?, ?> problem
                && problem.get("code") instanceof String code) {
            registry.counter(REFUSALS, new Tag("code", code)).inc();
        }
    }

    /** The matched resource method's path template, or "unmatched" (404s for unknown paths). */
    private String template() {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return "unmatched";
        }
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path own = method.getAnnotation(Path.class);
        String path = (type == null ? "" : type.value()) + "/" + (own == null ? "" : own.value());
        return path.replaceAll("/+", "/").replaceAll("^/|/$", "");
    }
}
