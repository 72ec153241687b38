package org.asicscm.access.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.asicscm.access.boundary.AccessViews.CallerView;
import org.asicscm.access.boundary.AccessViews.SignInRequest;
import org.asicscm.access.control.SignIn;
import org.asicscm.platform.Acting;
import org.asicscm.platform.Problem;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A page's sign-in: the name and password once, then the session cookie; the page's changing
 * requests carry the {@value SignIn#PAGE_HEADER} header. API clients send HTTP Basic instead.
 */
@Path("session")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
public class SessionResource {

    @Inject
    SignIn signIn;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @POST
    @PermitAll
    @Operation(summary = "Sign a page in: answers who it is and sets the session cookie")
    public Response signIn(@Valid @NotNull SignInRequest credentials) {
        SignIn.Caller caller = signIn.verify(credentials.username(), credentials.password());
        if (caller == null) {
            return Response.fromResponse(Problem.response(
                            401, "unauthenticated", "Sign-in required", "unknown user or wrong password", null, null))
                    .build();
        }
        signIn.signInSession(request, caller);
        return Response.ok(CallerView.of(caller)).build();
    }

    @GET
    @RolesAllowed({Roles.PLANNER, Roles.QA, Roles.LOGISTICS, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Who is signed in, with their roles")
    public CallerView who() {
        return new CallerView(Acting.actor(), Roles.held(security));
    }

    @DELETE
    @PermitAll
    @Operation(summary = "Sign the page out")
    public Response signOut() {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }
}
