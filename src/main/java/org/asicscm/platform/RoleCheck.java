package org.asicscm.platform;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Every REST operation says who may call it: {@code @RolesAllowed} on the method, else on its
 * class, or {@code @PermitAll}. Checked before the operation runs: 401 for an anonymous caller,
 * 403 for a caller in none of the roles. An operation that says nothing is refused to everyone
 * (and fails the build: {@code AccessIT} walks every operation).
 */
@Provider
public class RoleCheck implements DynamicFeature {
    /** The challenge every 401 carries: what to send instead. */
    public static final String CHALLENGE = "Basic realm=\"asic-scm\", charset=\"UTF-8\"";

    /** The roles an operation allows; empty for nobody, null for anyone (PermitAll). */
    public static List<String> allowed(Method method) {
        if (method.isAnnotationPresent(DenyAll.class)) {
            return List.of();
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        RolesAllowed own = method.getAnnotation(RolesAllowed.class);
        if (own != null) {
            return List.of(own.value());
        }
        Class<?> type = method.getDeclaringClass();
        if (type.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        RolesAllowed ofClass = type.getAnnotation(RolesAllowed.class);
        return ofClass == null ? List.of() : List.of(ofClass.value());
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method == null || !method.getDeclaringClass().getPackageName().startsWith("org.asicscm")) {
            return;
        }
        List<String> roles = allowed(method);
        if (roles != null) {
            // before Payara's own @RolesAllowed filter (MicroProfile JWT's, at AUTHORIZATION), which
            // answers an anonymous caller 401 with no challenge and a detail about JWT
            context.register(new Filter(roles), jakarta.ws.rs.Priorities.AUTHENTICATION);
        }
    }

    private record Filter(List<String> roles) implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                request.abortWith(Response.fromResponse(Problem.response(
                                401, "unauthenticated", "Sign-in required", "sign in with HTTP Basic", null, null))
                        .header("WWW-Authenticate", CHALLENGE)
                        .build());
                return;
            }
            for (String role : roles) {
                if (security.isUserInRole(role)) {
                    return;
                }
            }
            String detail = roles.isEmpty()
                    ? "no one may call this operation"
                    : "this operation needs one of the roles " + roles;
            request.abortWith(Problem.response(403, "forbidden", "Not allowed", detail, null, null));
        }
    }
}
