package org.asicscm.shipping.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
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
import org.asicscm.platform.Acting;
import org.asicscm.platform.Codes;
import org.asicscm.platform.Correlation;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.ListElements;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.shipping.boundary.ShippingViews.MilestoneRequest;
import org.asicscm.shipping.boundary.ShippingViews.MilestoneView;
import org.asicscm.shipping.boundary.ShippingViews.ShipmentRequest;
import org.asicscm.shipping.boundary.ShippingViews.ShipmentSummaryView;
import org.asicscm.shipping.boundary.ShippingViews.ShipmentView;
import org.asicscm.shipping.control.ShippingService;
import org.asicscm.shipping.entity.Milestone;
import org.asicscm.shipping.entity.Shipment;
import org.asicscm.shipping.entity.ShipmentLeg;
import org.asicscm.shipping.entity.ShipmentMilestone;
import org.asicscm.shipping.entity.ShipmentParties;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Export shipments and their milestones. */
@Path("shipments")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipping")
@RolesAllowed({Roles.LOGISTICS, Roles.COMPLIANCE, Roles.AUDITOR})
public class ShipmentsResource {

    @EJB
    ShippingService shipping;

    @EJB
    Lists lists;

    @GET
    @Operation(
            summary = "Shipments, newest first unless sorted otherwise, filtered and paged",
            description = "status: the latest milestone; sort: bookedAt, destinationCountry (a leading - sorts"
                    + " descending); page from 0, size 1 to 500 (default 50)")
    public Page<ShipmentSummaryView> shipments(
            @QueryParam("customerId") String customerId,
            @QueryParam("status") String status,
            @QueryParam("destinationCountry") String destinationCountry,
            @QueryParam("mode") String mode,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        var request = PageRequest.of(page, size, sort, Set.of("bookedAt", "destinationCountry"), "-bookedAt");
        var inStatus = QueryParams.enumValue("status", status, Milestone.class);
        var byMode = QueryParams.enumValue("mode", mode, Shipment.Mode.class);
        return lists.page(
                        Shipment.class,
                        "id",
                        l -> l.equal("customerId", customerId)
                                .equal("status", inStatus)
                                .equal("destinationCountry", destinationCountry)
                                .equal("mode", byMode),
                        request)
                .map(ShipmentSummaryView::of);
    }

    @POST
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(summary = "Book an export shipment of machines that passed QA")
    public Response book(
            @Valid @NotNull ShipmentRequest request,
            @HeaderParam(Correlation.HEADER) String correlationId,
            @Context UriInfo uri) {
        ListElements.require(
                "machineSerials",
                request.machineSerials(),
                Codes::isCode,
                "must be a machine serial number (letters, digits, '.', '_', '-'; at most 40)");
        var legs = request.legs() == null ? List.<ShippingViews.LegRequest>of() : request.legs();
        var plans = new java.util.ArrayList<ShipmentLeg.Plan>();
        for (int i = 0; i < legs.size(); i++) {
            var leg = legs.get(i);
            if (!leg.plannedArrival().isAfter(leg.plannedDeparture())) {
                throw new InvalidInputException("legs[" + i + "].plannedArrival", "must be after plannedDeparture");
            }
            if (i > 0 && !leg.origin().equals(legs.get(i - 1).destination())) {
                throw new InvalidInputException(
                        "legs[" + i + "].origin",
                        "must be where leg " + i + " ends (" + legs.get(i - 1).destination() + ")");
            }
            plans.add(new ShipmentLeg.Plan(
                    leg.mode(),
                    leg.carrier(),
                    leg.trackingNumber(),
                    leg.origin(),
                    leg.destination(),
                    leg.plannedDeparture(),
                    leg.plannedArrival()));
        }
        var consignee = request.consignee();
        var notify = request.notifyParty();
        var forwarder = request.forwarder();
        var parties = new ShipmentParties(
                consignee == null ? null : consignee.name(),
                consignee == null ? null : consignee.country(),
                consignee == null ? null : consignee.address(),
                notify == null ? null : notify.name(),
                notify == null ? null : notify.country(),
                forwarder == null ? null : forwarder.name(),
                forwarder == null ? null : forwarder.country());
        var shipment = shipping.book(
                new ShippingService.Booking(
                        request.customerId(),
                        request.orderId(),
                        request.machineSerials(),
                        request.mode(),
                        request.carrier(),
                        request.incoterm(),
                        request.destinationCountry(),
                        request.hsCode(),
                        request.declaredValueUsd(),
                        parties,
                        plans),
                Acting.actor(),
                Correlation.orNull(correlationId));
        return Response.created(uri.getAbsolutePathBuilder().path(shipment.id()).build())
                .entity(ShipmentView.of(shipment, shipping.machinesOn(shipment.id())))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A shipment with its machines and milestones")
    public ShipmentView shipment(@PathParam("id") String id) {
        return ShipmentView.of(shipping.shipment(id), shipping.machinesOn(id));
    }

    @POST
    @RolesAllowed(Roles.LOGISTICS)
    @Path("{id}/milestones")
    @Operation(
            summary = "Log a milestone: picked up, departed, arrived, customs cleared, delivered, or a hold or damage")
    public Response milestone(
            @PathParam("id") String id, @Valid @NotNull MilestoneRequest request, @Context UriInfo uri) {
        var recorded = shipping.recordMilestone(
                id, request.milestone(), request.occurredAt(), request.location(), request.note());
        // its number is its place among the shipment's milestones in time order, as GET lists them
        var all = inTimeOrder(shipping.shipment(id));
        int number = 1
                + all.indexOf(all.stream()
                        .filter(m -> m.milestone() == recorded.milestone()
                                && m.occurredAt().isEqual(recorded.occurredAt()))
                        .reduce((first, last) -> last)
                        .orElse(all.get(all.size() - 1)));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(number))
                        .build())
                .entity(MilestoneView.of(recorded))
                .build();
    }

    @GET
    @Path("{id}/milestones")
    @Operation(summary = "A shipment's milestones, oldest first; each one's number is its place in this list from 1")
    public List<MilestoneView> milestones(@PathParam("id") String id) {
        return inTimeOrder(shipping.shipment(id)).stream()
                .map(MilestoneView::of)
                .toList();
    }

    @GET
    @Path("{id}/milestones/{number}")
    @Operation(summary = "One milestone of a shipment, by its number from 1")
    public MilestoneView milestone(@PathParam("id") String id, @PathParam("number") String number) {
        int n = QueryParams.positive("number", number);
        var milestones = inTimeOrder(shipping.shipment(id));
        if (n > milestones.size()) {
            throw new UnknownEntityException("milestone", id + "/" + n);
        }
        return MilestoneView.of(milestones.get(n - 1));
    }

    /** A milestone's number is its place in this list, from 1: what Location and GET by number use. */
    private static List<ShipmentMilestone> inTimeOrder(Shipment shipment) {
        return shipment.milestones().stream()
                .sorted(java.util.Comparator.comparing(ShipmentMilestone::occurredAt))
                .toList();
    }
}
