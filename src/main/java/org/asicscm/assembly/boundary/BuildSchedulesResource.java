package org.asicscm.assembly.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.asicscm.assembly.boundary.PlanViews.ScheduleRequest;
import org.asicscm.assembly.boundary.PlanViews.ScheduleView;
import org.asicscm.assembly.control.AssemblyService;
import org.asicscm.assembly.control.SchedulingService;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A build order planned onto one line, and an order's schedules. */
@Path("build-schedules")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assembly")
@RolesAllowed({Roles.PLANNER, Roles.AUDITOR})
public class BuildSchedulesResource {

    @EJB
    AssemblyService assembly;

    @EJB
    SchedulingService scheduling;

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(
            summary =
                    "Schedule the buildable boards not yet scheduled onto one line from a start date, in the capacity other orders leave free")
    public Response schedule(@Valid @NotNull ScheduleRequest request, @Context UriInfo uri) {
        var schedule = scheduling.scheduleOnLine(request.buildOrderId(), request.lineId(), request.startDate());
        return Response.created(uri.getAbsolutePathBuilder().path(schedule.id()).build())
                .entity(ScheduleView.of(schedule))
                .build();
    }

    @GET
    @Operation(summary = "A build order's schedules")
    public List<ScheduleView> schedules(@QueryParam("buildOrderId") String buildOrderId) {
        // checked here, not by @NotBlank: Payara's OpenAPI generator fails on constrained query parameters
        if (buildOrderId == null || buildOrderId.isBlank()) {
            throw new InvalidInputException("buildOrderId", "must not be blank");
        }
        return assembly.schedulesOf(buildOrderId).stream().map(ScheduleView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One schedule: an order's boards on one line, shift by shift")
    public ScheduleView schedule(@PathParam("id") String id) {
        return ScheduleView.of(assembly.schedule(id));
    }
}
