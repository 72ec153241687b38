package org.asicscm.allocation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.asicscm.allocation.boundary.OrderViews.ReassignmentRequest;
import org.asicscm.allocation.boundary.OrderViews.ReassignmentView;
import org.asicscm.allocation.boundary.OrderViews.ShortageView;
import org.asicscm.allocation.control.BuildOrders;
import org.asicscm.allocation.control.DieReassigner;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The planner's die-level decisions that span orders: shortages and re-assignments. */
@Path("planning")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocation")
@RolesAllowed({Roles.PLANNER, Roles.AUDITOR})
public class PlanningResource {

    @EJB
    DieReassigner reassigner;

    @EJB
    BuildOrders orders;

    @GET
    @Path("shortages")
    @Operation(
            summary = "Shortage report: free dies per bin against the open orders, and the orders at risk",
            description = "Open orders are served most urgent first (priority, due date), each from its acceptable"
                    + " bins least first; what stays uncovered is short, counted against the order's minimum bin")
    public ShortageView shortages(@QueryParam("chipModel") String chipModel) {
        return ShortageView.of(orders.shortages(chipModel));
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Path("die-reassignments")
    @Operation(summary = "Move unconsumed dies from a build order to a more urgent one, in one audited step")
    public Response reassign(@Valid @NotNull ReassignmentRequest request) {
        var reassignment =
                reassigner.reassign(request.fromOrderId(), request.toOrderId(), request.dies(), request.reason());
        return Response.status(Response.Status.CREATED)
                .entity(ReassignmentView.of(reassignment))
                .build();
    }
}
