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
import org.asicscm.platform.Roles;
import org.asicscm.shipping.boundary.LogisticsViews.PalletRequest;
import org.asicscm.shipping.boundary.LogisticsViews.PalletView;
import org.asicscm.shipping.control.Packing;
import org.asicscm.shipping.control.ShippingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The pallets a shipment's cartons are loaded on. */
@Path("shipments/{id}/pallets")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipping")
@RolesAllowed({Roles.LOGISTICS, Roles.COMPLIANCE, Roles.AUDITOR})
public class PalletsResource {

    @EJB
    Packing packing;

    @EJB
    ShippingService shipping;

    @POST
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(
            summary = "Add a pallet to the shipment, before the cartons that go on it",
            description = "Its code is unique on the shipment (409 duplicate-pallet); its tare counts in the gross"
                    + " weight of the documents.")
    public Response add(@PathParam("id") String id, @Valid @NotNull PalletRequest request, @Context UriInfo uri) {
        var pallet = packing.addPallet(
                id, request.code(), request.tareKg(), request.lengthCm(), request.widthCm(), request.heightCm());
        return Response.created(uri.getAbsolutePathBuilder().path(pallet.code()).build())
                .entity(PalletView.of(pallet))
                .build();
    }

    @GET
    @Operation(summary = "The shipment's pallets, by code")
    public List<PalletView> pallets(@PathParam("id") String id) {
        shipping.shipment(id);
        return packing.pallets(id).stream().map(PalletView::of).toList();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One pallet, by its code")
    public PalletView pallet(@PathParam("id") String id, @PathParam("code") String code) {
        return packing.pallets(id).stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .map(PalletView::of)
                .orElseThrow(() -> new org.asicscm.platform.UnknownEntityException("pallet", id + "/" + code));
    }
}
