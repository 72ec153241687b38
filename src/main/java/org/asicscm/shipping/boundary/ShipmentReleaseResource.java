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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import org.asicscm.platform.Acting;
import org.asicscm.platform.Roles;
import org.asicscm.shipping.boundary.LogisticsViews.CreditApprovalRequest;
import org.asicscm.shipping.boundary.LogisticsViews.ReleaseCheckView;
import org.asicscm.shipping.boundary.LogisticsViews.ReleaseRequest;
import org.asicscm.shipping.boundary.ShippingViews.ShipmentView;
import org.asicscm.shipping.control.ExportRelease;
import org.asicscm.shipping.control.ShippingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The export release gate of a shipment: what keeps it, credit approval, release. */
@Path("shipments/{id}/release")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipping")
@RolesAllowed({Roles.LOGISTICS, Roles.COMPLIANCE, Roles.AUDITOR})
public class ShipmentReleaseResource {

    @EJB
    ExportRelease release;

    @EJB
    ShippingService shipping;

    @POST
    @Path("credit-approval")
    @RolesAllowed({Roles.LOGISTICS, Roles.COMPLIANCE})
    @Operation(
            summary = "Approve the shipment's credit: it may be released before it is paid",
            description = "By a second person: the one who booked it is refused 409 second-person-required.")
    public ShipmentView approveCredit(@PathParam("id") String id, @Valid @NotNull CreditApprovalRequest request) {
        var shipment = release.approveCredit(id, request.note(), Acting.actor());
        return ShipmentView.of(shipment, shipping.machinesOn(id));
    }

    @GET
    @Operation(
            summary = "What still keeps the shipment from release",
            description = "exportLicence: check as if this licence number were given.")
    public ReleaseCheckView check(@PathParam("id") String id, @QueryParam("exportLicence") String exportLicence) {
        var unmet = new LinkedHashMap<String, String>();
        release.unmet(id, exportLicence).forEach((condition, why) -> unmet.put(condition.code(), why));
        boolean released = shipping.shipment(id).isReleased();
        return new ReleaseCheckView(unmet.isEmpty() && !released, released, unmet);
    }

    @POST
    @RolesAllowed({Roles.LOGISTICS, Roles.COMPLIANCE})
    @Operation(
            summary = "Release the shipment for export",
            description = "Only when the order is paid (or its credit approved), every machine is packed and none is"
                    + " under a quality hold, every party passed screening on the list in force, the destination is"
                    + " not embargoed and, where the HS code needs one for it, a licence number is given. Otherwise 409"
                    + " with the first unmet condition's code (unpaid, not-packed, quality-hold, screening-not-passed,"
                    + " embargoed-destination, export-licence-required) and all of them under unmet.")
    public ShipmentView release(@PathParam("id") String id, @Valid @NotNull ReleaseRequest request) {
        var shipment = release.release(id, request.exportLicence(), Acting.actor());
        return ShipmentView.of(shipment, shipping.machinesOn(id));
    }
}
