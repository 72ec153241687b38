package org.asicscm.assembly.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import org.asicscm.assembly.boundary.FactoryViews.BalanceView;
import org.asicscm.assembly.boundary.FactoryViews.CapacityRequest;
import org.asicscm.assembly.boundary.FactoryViews.ClosureRequest;
import org.asicscm.assembly.boundary.FactoryViews.ClosureResultView;
import org.asicscm.assembly.boundary.FactoryViews.ClosureView;
import org.asicscm.assembly.boundary.FactoryViews.CountRequest;
import org.asicscm.assembly.boundary.FactoryViews.CountView;
import org.asicscm.assembly.boundary.FactoryViews.FactoryRequest;
import org.asicscm.assembly.boundary.FactoryViews.FactoryView;
import org.asicscm.assembly.boundary.FactoryViews.FrozenWindowRequest;
import org.asicscm.assembly.boundary.FactoryViews.LineRequest;
import org.asicscm.assembly.boundary.FactoryViews.LineView;
import org.asicscm.assembly.boundary.FactoryViews.MovementRequest;
import org.asicscm.assembly.boundary.FactoryViews.MovementView;
import org.asicscm.assembly.boundary.FactoryViews.NegativePartsRequest;
import org.asicscm.assembly.boundary.FactoryViews.PlannedOrderView;
import org.asicscm.assembly.control.AssemblyService;
import org.asicscm.assembly.control.ConsignmentService;
import org.asicscm.assembly.control.LineCalendars;
import org.asicscm.assembly.control.PlanChanges;
import org.asicscm.assembly.entity.ConsignmentMovement;
import org.asicscm.assembly.entity.Factory;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("factories")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assembly")
@RolesAllowed({Roles.PLANNER, Roles.AUDITOR})
public class FactoriesResource {

    @EJB
    AssemblyService assembly;

    @EJB
    LineCalendars calendars;

    @EJB
    PlanChanges planChanges;

    @EJB
    ConsignmentService consignment;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "Register a contract factory, in Bao'an (Shenzhen) unless told where")
    public Response register(@Valid @NotNull FactoryRequest request, @Context UriInfo uri) {
        var factory = assembly.registerFactory(
                request.code(),
                request.name(),
                request.country(),
                request.city(),
                request.district(),
                request.subDistrict(),
                request.timeZone());
        return Response.created(uri.getAbsolutePathBuilder().path(factory.id()).build())
                .entity(FactoryView.of(factory, clock))
                .build();
    }

    @GET
    @Operation(summary = "List factories")
    public List<FactoryView> all() {
        return assembly.factories().stream().map(f -> FactoryView.of(f, clock)).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A factory")
    public FactoryView factory(@PathParam("id") String id) {
        return FactoryView.of(assembly.factory(id), clock);
    }

    @PUT
    @RolesAllowed(Roles.PLANNER)
    @Path("{id}/negative-parts")
    @Operation(
            summary = "Let the factory use parts beyond its record, or not",
            description = "When allowed, a consumption of more parts than the record holds is taken and the rest"
                    + " kept as a shortfall until a count (GET parts-stock/shortfalls); otherwise it is 409"
                    + " insufficient-parts")
    public FactoryView negativeParts(@PathParam("id") String id, @Valid @NotNull NegativePartsRequest request) {
        return FactoryView.of(assembly.allowNegativeParts(id, request.allowed()), clock);
    }

    @PUT
    @RolesAllowed(Roles.PLANNER)
    @Path("{id}/frozen-window")
    @Operation(
            summary = "Set how many days from the factory's today a re-plan leaves as they are",
            description = "Shifts planned inside the window stay, and no new work is put into it;"
                    + " only what lies beyond moves. 0 to " + Factory.MOST_FROZEN_DAYS + " days")
    public FactoryView freeze(@PathParam("id") String id, @Valid @NotNull FrozenWindowRequest request) {
        return FactoryView.of(assembly.freeze(id, request.days()), clock);
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Path("{id}/lines")
    @Operation(summary = "Add an assembly line with its capacity")
    public Response addLine(@PathParam("id") String id, @Valid @NotNull LineRequest request, @Context UriInfo uri) {
        var line = assembly.addLine(id, request.code(), request.boardsPerShift(), request.shiftsPerDay());
        return Response.created(uri.getAbsolutePathBuilder().path(line.id()).build())
                .entity(LineView.of(line))
                .build();
    }

    @GET
    @Path("{id}/lines/{lineId}")
    @Operation(summary = "An assembly line with its capacity per product")
    public LineView line(@PathParam("id") String id, @PathParam("lineId") String lineId) {
        return LineView.of(calendars.lineOf(id, lineId));
    }

    @GET
    @Path("{id}/closures/{closureId}")
    @Operation(summary = "A closure of the factory or of one of its lines")
    public ClosureView closure(@PathParam("id") String id, @PathParam("closureId") String closureId) {
        return ClosureView.of(calendars.closure(id, closureId));
    }

    @GET
    @Path("{id}/consignment/movements/{movementId}")
    @Operation(summary = "Dies consigned to the factory or reported scrapped, one record")
    public MovementView movement(@PathParam("id") String id, @PathParam("movementId") String movementId) {
        return MovementView.of(consignment.movement(id, movementId));
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Path("{id}/lines/{lineId}/capacities")
    @Operation(
            summary = "Set up a line for a product at its rate in boards per shift",
            description = "Once a line has a product set up it builds only the products set up")
    public LineView setCapacity(
            @PathParam("id") String id, @PathParam("lineId") String lineId, @Valid @NotNull CapacityRequest request) {
        return LineView.of(calendars.setCapacity(id, lineId, request.product(), request.boardsPerShift()));
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Path("{id}/closures")
    @Operation(
            summary = "Close the factory, or take one line down, for some days; affected orders are re-planned",
            description = "Answers the closure and where each affected order now lands; BuildRescheduled and, when"
                    + " an order now finishes after its due date, BuildFlaggedLate are published")
    public Response close(@PathParam("id") String id, @Valid @NotNull ClosureRequest request, @Context UriInfo uri) {
        var result = planChanges.close(id, request.lineId(), request.firstDay(), request.lastDay(), request.reason());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(result.closure().id()).build())
                .entity(new ClosureResultView(
                        ClosureView.of(result.closure()),
                        result.rescheduled().stream().map(PlannedOrderView::of).toList()))
                .build();
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Path("{id}/consignment/movements")
    @Operation(summary = "Record dies consigned to the factory, or dies it reports scrapped")
    public Response move(@PathParam("id") String id, @Valid @NotNull MovementRequest request, @Context UriInfo uri) {
        var movement = consignment.record(
                id,
                request.chipModel(),
                ConsignmentMovement.Kind.valueOf(request.kind()),
                request.dies(),
                request.reference());
        return Response.created(uri.getAbsolutePathBuilder().path(movement.id()).build())
                .entity(MovementView.of(movement))
                .build();
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Path("{id}/consignment/counts")
    @Operation(
            summary = "Reconcile a count of consigned dies on hand",
            description = "Expected on hand = consigned - dies in boards built on the factory's lines - scrap reported."
                    + " A difference beyond tolerancePercent (default 0.5) of the dies consigned is flagged and"
                    + " ConsignmentDiscrepancyFlagged is published")
    public CountView count(@PathParam("id") String id, @Valid @NotNull CountRequest request) {
        double tolerance = request.tolerancePercent() == null
                ? ConsignmentService.DEFAULT_TOLERANCE_PERCENT
                : request.tolerancePercent().doubleValue();
        return CountView.of(consignment.count(id, request.chipModel(), request.diesOnHand(), tolerance));
    }

    @GET
    @Path("{id}/consignment")
    @Operation(
            summary = "The factory's consigned dies per chip model: consigned, in boards, scrapped, expected on hand")
    public List<BalanceView> consignment(@PathParam("id") String id) {
        return consignment.balances(id).stream().map(BalanceView::of).toList();
    }

    @GET
    @Path("{id}/closures")
    @Operation(summary = "The factory's closed days and lines down, earliest first")
    public List<ClosureView> closures(@PathParam("id") String id) {
        return calendars.closuresOf(id).stream().map(ClosureView::of).toList();
    }

    @GET
    @Path("{id}/lines")
    @Operation(summary = "The factory's lines")
    public List<LineView> lines(@PathParam("id") String id) {
        return assembly.linesOf(id).stream().map(LineView::of).toList();
    }
}
