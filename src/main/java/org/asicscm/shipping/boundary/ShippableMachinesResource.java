package org.asicscm.shipping.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.Roles;
import org.asicscm.shipping.boundary.ShippingViews.ShippableView;
import org.asicscm.shipping.control.ShippingService;
import org.asicscm.shipping.entity.ShippableMachine;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Machines that passed QA, waiting for a shipment or booked on one. */
@Path("shippable-machines")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipping")
@RolesAllowed({Roles.LOGISTICS, Roles.COMPLIANCE, Roles.AUDITOR})
public class ShippableMachinesResource {

    @EJB
    ShippingService shipping;

    @EJB
    Lists lists;

    @GET
    @Operation(
            summary = "Machines that passed QA, by default those not yet booked on a shipment, oldest first, paged",
            description = "booked: false (default) or true; sort: readyAt, serial (a leading - sorts descending);"
                    + " page from 0, size 1 to 500 (default 50)")
    public Page<ShippableView> available(
            @QueryParam("buildOrderId") String buildOrderId,
            @QueryParam("booked") @DefaultValue("false") String booked,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        var request = PageRequest.of(page, size, sort, Set.of("readyAt", "serial"), "readyAt");
        boolean onShipment = switch (booked) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException("booked", "must be true or false");
        };
        return lists.page(
                        ShippableMachine.class,
                        "serial",
                        l -> l.equal("buildOrderId", buildOrderId).isNull("shipmentId", !onShipment),
                        request)
                .map(ShippableView::of);
    }

    @GET
    @Path("{serial}")
    @Operation(summary = "A machine that passed QA: where it is (shipmentId once booked)")
    public ShippableView shippable(@PathParam("serial") String serial) {
        return ShippableView.of(shipping.shippable(serial));
    }
}
