package org.asicscm.shipping.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.asicscm.platform.Roles;
import org.asicscm.shipping.control.ShipmentTimeline;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A shipment's story from order to delivery. */
@Path("shipments/{id}/timeline")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipping")
@RolesAllowed({Roles.LOGISTICS, Roles.COMPLIANCE, Roles.AUDITOR})
public class ShipmentTimelineResource {

    @EJB
    ShipmentTimeline timeline;

    @GET
    @Operation(
            summary = "The shipment's whole story, oldest first",
            description = "Order and payments, reservations, booking, packing, screening and reviews, credit approval,"
                    + " release, carrier events per leg, and the events the shipment published. kind: ORDER, PAYMENT,"
                    + " RESERVATION, BOOKING, PACKING, SCREENING, SCREENING_REVIEW, CREDIT_APPROVAL, RELEASE, CARRIER,"
                    + " EVENT.")
    public List<ShipmentTimeline.Entry> timeline(@PathParam("id") String id) {
        return timeline.of(id);
    }
}
