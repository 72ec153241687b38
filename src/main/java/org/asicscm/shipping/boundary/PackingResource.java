package org.asicscm.shipping.boundary;

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
import java.util.List;
import org.asicscm.platform.Acting;
import org.asicscm.platform.Codes;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.ListElements;
import org.asicscm.platform.Roles;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.shipping.boundary.LogisticsViews.CartonRequest;
import org.asicscm.shipping.boundary.LogisticsViews.CartonView;
import org.asicscm.shipping.control.Packing;
import org.asicscm.shipping.control.ShippingService;
import org.asicscm.shipping.entity.Carton;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Packing a shipment into cartons and pallets. */
@Path("shipments/{id}/cartons")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipping")
@RolesAllowed({Roles.LOGISTICS, Roles.COMPLIANCE, Roles.AUDITOR})
public class PackingResource {

    @EJB
    Packing packing;

    @EJB
    ShippingService shipping;

    @POST
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(
            summary = "Pack serials into a carton",
            description = "Each serial once (409 already-packed), only one booked on this shipment (409"
                    + " not-on-shipment), never one under a quality hold (409 quality-hold); 409 already-released once"
                    + " the shipment is released. Net weight may not exceed gross.")
    public Response pack(@PathParam("id") String id, @Valid @NotNull CartonRequest request, @Context UriInfo uri) {
        ListElements.require(
                "serials",
                request.serials(),
                Codes::isCode,
                "must be a machine serial number (letters, digits, '.', '_', '-'; at most 40)");
        if (request.netKg().compareTo(request.grossKg()) > 0) {
            throw new InvalidInputException("netKg", "must not exceed grossKg");
        }
        var carton = packing.pack(
                id,
                request.serials(),
                request.pallet(),
                new Carton.Measure(
                        request.grossKg(), request.netKg(), request.lengthCm(), request.widthCm(), request.heightCm()),
                Acting.actor());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(carton.number()))
                        .build())
                .entity(CartonView.of(carton))
                .build();
    }

    @GET
    @Operation(summary = "The shipment's cartons, by number")
    public List<CartonView> cartons(@PathParam("id") String id) {
        shipping.shipment(id);
        return packing.cartons(id).stream().map(CartonView::of).toList();
    }

    @GET
    @Path("{number}")
    @Operation(summary = "One carton, by its number from 1")
    public CartonView carton(@PathParam("id") String id, @PathParam("number") String number) {
        int n = org.asicscm.platform.QueryParams.positive("number", number);
        return packing.cartons(id).stream()
                .filter(c -> c.number() == n)
                .findFirst()
                .map(CartonView::of)
                .orElseThrow(() -> new UnknownEntityException("carton", id + "/" + n));
    }
}
