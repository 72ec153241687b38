package org.asicscm.allocation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.Set;
import org.asicscm.allocation.boundary.AllocationViews.ReasonRequest;
import org.asicscm.allocation.boundary.OrderViews.AllocationRequest;
import org.asicscm.allocation.boundary.OrderViews.AllocationView;
import org.asicscm.allocation.boundary.OrderViews.BuildOrderRequest;
import org.asicscm.allocation.boundary.OrderViews.BuildOrderView;
import org.asicscm.allocation.boundary.OrderViews.PolicyAllocationRequest;
import org.asicscm.allocation.boundary.OrderViews.PolicyRunView;
import org.asicscm.allocation.boundary.OrderViews.ReassignmentView;
import org.asicscm.allocation.boundary.OrderViews.ReduceRequest;
import org.asicscm.allocation.control.AllocationLedger;
import org.asicscm.allocation.control.BuildOrders;
import org.asicscm.allocation.control.DieAllocator;
import org.asicscm.allocation.entity.BuildOrder;
import org.asicscm.platform.Correlation;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("build-orders")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocation")
@RolesAllowed({Roles.PLANNER, Roles.AUDITOR})
public class BuildOrdersResource {

    static final int DEFAULT_PRIORITY = 5;

    @EJB
    DieAllocator allocator;

    @EJB
    AllocationLedger ledger;

    @EJB
    BuildOrders orders;

    @EJB
    Lists lists;

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "Open a build order")
    public Response create(
            @Valid @NotNull BuildOrderRequest request,
            @HeaderParam(Correlation.HEADER) String correlationId,
            @Context UriInfo uri) {
        var order = orders.createBuildOrder(
                request.orderNumber(),
                request.product(),
                request.machines(),
                request.dueDate(),
                request.priority() == null ? DEFAULT_PRIORITY : request.priority(),
                request.customerOrderRef(),
                Correlation.orNew(correlationId));
        return Response.created(uri.getAbsolutePathBuilder().path(order.id()).build())
                .entity(BuildOrderView.of(order))
                .build();
    }

    @GET
    @Operation(
            summary = "Build orders, most urgent first unless sorted otherwise, filtered and paged",
            description = "sort: priority, dueDate, orderNumber, createdAt, machines (a leading - sorts descending);"
                    + " page from 0, size 1 to 500 (default 50); total counts every order the filters match")
    public Page<BuildOrderView> list(
            @QueryParam("status") String status,
            @QueryParam("product") String product,
            @QueryParam("chipModel") String chipModel,
            @QueryParam("dueFrom") String dueFrom,
            @QueryParam("dueTo") String dueTo,
            @QueryParam("orderNumber") String orderNumber,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        var request = PageRequest.of(
                page,
                size,
                sort,
                Set.of("priority", "dueDate", "orderNumber", "createdAt", "machines"),
                "priority,dueDate");
        var inStatus = QueryParams.enumValue("status", status, BuildOrder.Status.class);
        var from = QueryParams.date("dueFrom", dueFrom);
        var to = QueryParams.date("dueTo", dueTo);
        String number = QueryParams.text("orderNumber", orderNumber);
        return lists.page(
                        BuildOrder.class,
                        "id",
                        l -> l.equal("status", inStatus)
                                .equal("product", product)
                                .equal("chipModel", chipModel)
                                .atLeast("dueDate", from)
                                .atMost("dueDate", to)
                                .containing("orderNumber", number),
                        request)
                .map(BuildOrderView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A build order")
    public BuildOrderView order(@PathParam("id") String id) {
        return BuildOrderView.of(ledger.buildOrder(id));
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Path("{id}/allocations")
    @Operation(
            summary = "Reserve dies of one lot and bin for the order",
            description = "409 insufficient-dies with requested, available and shortBy when the bin cannot cover it")
    public Response allocate(
            @PathParam("id") String id, @Valid @NotNull AllocationRequest request, @Context UriInfo uri) {
        var allocation = allocator.allocate(
                id, request.lotId(), request.bin(), request.dies(), AllocationViews.reserveFor(request.reserveFor()));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(allocation.id()).build())
                .entity(AllocationView.of(allocation))
                .build();
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Path("{id}/cancel")
    @Operation(summary = "Cancel the order: every allocation gives its unconsumed dies back to the lots")
    public BuildOrderView cancel(@PathParam("id") String id, @Valid @NotNull ReasonRequest request) {
        return BuildOrderView.of(orders.cancel(id, request.reason()));
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Path("{id}/reduce")
    @Operation(
            summary = "Reduce the order to fewer machines; dies beyond the new need go back, newest allocation first")
    public BuildOrderView reduce(@PathParam("id") String id, @Valid @NotNull ReduceRequest request) {
        return BuildOrderView.of(orders.reduce(id, request.machines(), request.reason()));
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Path("{id}/allocate")
    @Operation(
            summary = "Allocate the order's dies by a stated policy over every lot not on hold",
            description = "OLDEST_LOT_FIRST or BEST_FIT (least acceptable bin first). Answers what was taken and why;"
                    + " without partial=true a shortage is refused 409 insufficient-dies with the figures")
    public PolicyRunView allocateByPolicy(@PathParam("id") String id, @Valid @NotNull PolicyAllocationRequest request) {
        return PolicyRunView.of(allocator.allocateByPolicy(
                id,
                AllocationViews.policy(request.policy()),
                request.dies(),
                Boolean.TRUE.equals(request.partial()),
                AllocationViews.reserveFor(request.reserveFor())));
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Path("{id}/allocations/{allocationId}/confirm")
    @Operation(summary = "Confirm a reservation so that it no longer expires")
    public AllocationView confirm(@PathParam("id") String id, @PathParam("allocationId") String allocationId) {
        return AllocationView.of(allocator.confirm(id, allocationId));
    }

    @GET
    @Path("{id}/reassignments")
    @Operation(summary = "Dies moved to or from the order, oldest first")
    public List<ReassignmentView> reassignments(@PathParam("id") String id) {
        return orders.reassignmentsOf(id).stream().map(ReassignmentView::of).toList();
    }

    @GET
    @Path("{id}/allocations")
    @Operation(summary = "The order's allocations, oldest first")
    public List<AllocationView> allocations(@PathParam("id") String id) {
        return ledger.allocationsOf(id).stream().map(AllocationView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Path("{id}/allocations/{allocationId}/release")
    @Operation(summary = "Give an allocation's unconsumed dies back to the lot")
    public AllocationView release(@PathParam("id") String id, @PathParam("allocationId") String allocationId) {
        return AllocationView.of(allocator.release(id, allocationId));
    }

    @GET
    @Path("{id}/allocations/{allocationId}")
    @Operation(summary = "One allocation of the order: lot, bin, dies, consumed, status")
    public AllocationView allocation(@PathParam("id") String id, @PathParam("allocationId") String allocationId) {
        return AllocationView.of(ledger.allocationOf(id, allocationId, LockModeType.NONE));
    }
}
