package org.asicscm.materials.boundary;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.asicscm.materials.boundary.PartsViews.PurchaseOrderRequest;
import org.asicscm.materials.boundary.PartsViews.PurchaseOrderView;
import org.asicscm.materials.boundary.PartsViews.ReceiptRequest;
import org.asicscm.materials.boundary.PartsViews.StockView;
import org.asicscm.materials.control.Purchasing;
import org.asicscm.platform.Acting;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Purchase orders for parts and their receipts. */
@Path("purchase-orders")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Materials")
@RolesAllowed({Roles.PLANNER, Roles.AUDITOR})
public class PurchaseOrdersResource {

    @EJB
    Purchasing purchasing;

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(
            summary = "Open a purchase order: lines of items, quantities and expected dates",
            description = "An unknown item is 400 naming lines[i].item; a PO number used before is 409.")
    public Response open(@Valid @NotNull PurchaseOrderRequest request, @Context UriInfo uri) {
        var lines = request.lines().stream()
                .map(l -> new Purchasing.Line(l.item(), l.quantity(), l.expectedOn()))
                .toList();
        var order = purchasing.open(request.poNumber(), request.supplier(), lines, Acting.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(order.id()).build())
                .entity(PurchaseOrderView.of(order))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A purchase order with what each line has received")
    public PurchaseOrderView order(@PathParam("id") String id) {
        return PurchaseOrderView.of(purchasing.order(id));
    }

    @POST
    @Path("{id}/receipts")
    @RolesAllowed(Roles.PLANNER)
    @Operation(
            summary = "Receive parts against a line, into the central warehouse by supplier lot",
            description = "A line the order does not have is 400 naming line; a lot-tracked item without its lot is"
                    + " 400 naming supplierLot; more than the line still expects is 409 over-receipt. Nothing is"
                    + " written when refused.")
    public StockView receive(@PathParam("id") String id, @Valid @NotNull ReceiptRequest request) {
        return StockView.of(
                purchasing.receive(id, request.line(), request.quantity(), request.supplierLot(), Acting.actor()));
    }
}
