package org.asicscm.shipping.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.asicscm.shipping.boundary.LogisticsViews.OnTimeView;
import org.asicscm.shipping.control.CarrierTracking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How often shipments arrive when planned. */
@Path("shipments/on-time")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipping")
@RolesAllowed({Roles.LOGISTICS, Roles.COMPLIANCE, Roles.AUDITOR})
public class DeliveryPerformanceResource {

    @EJB
    CarrierTracking tracking;

    @Inject
    Clock clock;

    @GET
    @Operation(
            summary = "On-time delivery by lane, carrier or customer",
            description = "by: LANE (first origin to last destination, per shipment), CARRIER (per leg), CUSTOMER (per"
                    + " shipment); on time when the leg arrived no later than planned. from/to (ISO date-times) bound the"
                    + " planned arrival; the default is the last 90 days.")
    public List<OnTimeView> onTime(
            @QueryParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to) {
        var grouping = QueryParams.enumValue("by", by == null ? "LANE" : by, CarrierTracking.Grouping.class);
        OffsetDateTime until = to == null ? OffsetDateTime.now(clock).plusDays(1) : QueryParams.time("to", to);
        OffsetDateTime since = from == null ? until.minusDays(91) : QueryParams.time("from", from);
        if (!since.isBefore(until)) {
            throw new InvalidInputException("from", "must be before to");
        }
        return tracking.onTime(grouping, since, until).stream()
                .map(OnTimeView::of)
                .toList();
    }
}
