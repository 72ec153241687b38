package org.asicscm.shipping.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.Roles;
import org.asicscm.shipping.boundary.LogisticsViews.CarrierBatchRequest;
import org.asicscm.shipping.boundary.LogisticsViews.CarrierResultView;
import org.asicscm.shipping.control.CarrierTracking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The webhook carriers post their tracking events to. */
@Path("carriers/{carrier}/events")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipping")
@RolesAllowed({Roles.CARRIER, Roles.LOGISTICS})
public class CarrierWebhookResource {

    @EJB
    CarrierTracking tracking;

    @POST
    @Operation(
            summary = "A batch of a carrier's tracking events, each kept once by the carrier's event id",
            description =
                    "Answers each event's outcome: APPLIED (moved its leg on), KEPT (the leg is further already, or"
                            + " an exception), DUPLICATE (posted before: nothing changes). An unknown tracking number (409"
                            + " unknown-leg) or a regular milestone of a shipment not yet released (409 not-released) refuses"
                            + " the whole batch.")
    public List<CarrierResultView> receive(
            @PathParam("carrier") String carrier, @Valid @NotNull CarrierBatchRequest request) {
        if (carrier.isBlank() || carrier.length() > 60) {
            throw new InvalidInputException("carrier", "must be 1 to 60 characters");
        }
        var posts = request.events().stream()
                .map(e -> new CarrierTracking.Post(
                        e.eventId(), e.trackingNumber(), e.milestone(), e.occurredAt(), e.location(), e.eta()))
                .toList();
        return tracking.receive(carrier, posts).stream()
                .map(CarrierResultView::of)
                .toList();
    }
}
