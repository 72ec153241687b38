package org.asicscm.shipping.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.asicscm.compliance.boundary.ComplianceViews.DecisionView;
import org.asicscm.compliance.control.Screening;
import org.asicscm.platform.Acting;
import org.asicscm.platform.Roles;
import org.asicscm.shipping.control.ExportRelease;
import org.asicscm.shipping.control.ShippingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Restricted-party screening of a shipment's parties. */
// a root path of its own: JAX-RS picks one root resource per request, and "shipments/{id}" alone
// would take GET shipments/{id} away from ShipmentsResource (README, developer notes)
@Path("shipments/{id}/screening")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipping")
@RolesAllowed({Roles.LOGISTICS, Roles.COMPLIANCE, Roles.AUDITOR})
public class ShipmentScreeningResource {

    @EJB
    ExportRelease release;

    @EJB
    Screening screening;

    @EJB
    ShippingService shipping;

    @POST
    @RolesAllowed({Roles.LOGISTICS, Roles.COMPLIANCE})
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Screen the shipment's parties against the restricted-party list in force",
            description = "The customer, the consignee, and the notify party and forwarder if named: one decision each,"
                    + " with the list's version, the best score and the threshold. 409 no-screening-list when none is"
                    + " loaded.")
    public List<DecisionView> screen(@PathParam("id") String id) {
        return release.screen(id, Acting.actor()).stream().map(DecisionView::of).toList();
    }

    @GET
    @Operation(summary = "Every screening decision on the shipment's parties, oldest first")
    public List<DecisionView> decisions(@PathParam("id") String id) {
        shipping.shipment(id);
        return screening.of(id).stream().map(DecisionView::of).toList();
    }
}
