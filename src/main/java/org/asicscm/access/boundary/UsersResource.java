package org.asicscm.access.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.asicscm.access.boundary.AccessViews.PasswordRequest;
import org.asicscm.access.boundary.AccessViews.RolesRequest;
import org.asicscm.access.boundary.AccessViews.UserRequest;
import org.asicscm.access.boundary.AccessViews.UserView;
import org.asicscm.access.control.Users;
import org.asicscm.access.entity.AppUser;
import org.asicscm.platform.Acting;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who may sign in and in which roles; managed by an admin, read by an auditor too. */
@Path("users")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class UsersResource {

    @EJB
    Users users;

    @EJB
    Lists lists;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a user with a password and roles")
    public Response create(@Valid @NotNull UserRequest request, @Context UriInfo uri) {
        AppUser user = users.create(
                request.username(), request.displayName(), request.password(), request.roles(), Acting.actor());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(user.username()).build())
                .entity(UserView.of(user))
                .build();
    }

    @GET
    @Operation(
            summary = "Users, filtered and paged",
            description = "username matches any part; sort: username, createdAt; page from 0, size 1 to 500")
    public Page<UserView> list(
            @QueryParam("username") String username,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        var request = PageRequest.of(page, size, sort, Set.of("username", "createdAt"), "username");
        String part = QueryParams.text("username", username);
        return lists.page(AppUser.class, "username", l -> l.containing("username", part), request)
                .map(UserView::of);
    }

    @GET
    @Path("{username}")
    @Operation(summary = "A user and their roles")
    public UserView one(@PathParam("username") String username) {
        return UserView.of(users.user(username));
    }

    @PUT
    @Path("{username}/roles")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a user's roles")
    public UserView grant(@PathParam("username") String username, @Valid @NotNull RolesRequest request) {
        return UserView.of(users.grant(username, request.roles(), Acting.actor()));
    }

    @POST
    @Path("{username}/password")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set a user's password")
    public UserView password(@PathParam("username") String username, @Valid @NotNull PasswordRequest request) {
        return UserView.of(users.changePassword(username, request.password()));
    }

    @POST
    @Path("{username}/disable")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Stop a user from signing in (their history stays)")
    public UserView disable(@PathParam("username") String username) {
        return UserView.of(users.enable(username, false, Acting.actor()));
    }

    @POST
    @Path("{username}/enable")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Let a disabled user sign in again")
    public UserView enable(@PathParam("username") String username) {
        return UserView.of(users.enable(username, true, Acting.actor()));
    }
}
