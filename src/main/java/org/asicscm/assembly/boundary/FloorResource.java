package org.asicscm.assembly.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.asicscm.assembly.boundary.AssemblyViews.BoardRequest;
import org.asicscm.assembly.boundary.AssemblyViews.BoardView;
import org.asicscm.assembly.boundary.AssemblyViews.KitView;
import org.asicscm.assembly.boundary.AssemblyViews.MachineRequest;
import org.asicscm.assembly.boundary.AssemblyViews.MachineView;
import org.asicscm.assembly.boundary.AssemblyViews.ScheduleRequest;
import org.asicscm.assembly.boundary.AssemblyViews.ScheduleView;
import org.asicscm.assembly.boundary.AssemblyViews.TrayRequest;
import org.asicscm.assembly.control.AssemblyService;
import org.asicscm.assembly.control.BoardIntake;
import org.asicscm.assembly.control.BoardRecorder;
import org.asicscm.assembly.control.SchedulingService;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.ListElements;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.Set;
import org.asicscm.assembly.boundary.AssemblyViews.BoardSummaryView;
import org.asicscm.assembly.boundary.AssemblyViews.MachineSummaryView;
import org.asicscm.assembly.entity.Hashboard;
import org.asicscm.assembly.entity.Machine;
import org.asicscm.assembly.entity.UnitStatus;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;

/** The factory floor: kits, schedules, boards and machines. */
@Path("")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assembly")
public class FloorResource {

    @EJB
    Lists lists;
    private static final String SERIAL_RULE = "must be a board serial number (letters, digits, '.', '_', '-'; at most 40)";

    @EJB
    AssemblyService assembly;
    @EJB
    SchedulingService scheduling;
    @Inject
    BoardIntake intake;
    @EJB
    BoardRecorder recorder;

    @GET
    @Path("build-kits/{buildOrderId}")
    @Operation(summary = "The dies on the floor for a build order, per allocation")
    public KitView kit(@PathParam("buildOrderId") String buildOrderId) {
        return KitView.of(assembly.kit(buildOrderId));
    }

    @POST
    @Path("build-schedules")
    @Operation(summary = "Schedule the buildable boards not yet scheduled onto one line from a start date, in the capacity other orders leave free")
    public Response schedule(@Valid @NotNull ScheduleRequest request, @Context UriInfo uri) {
        var schedule = scheduling.scheduleOnLine(request.buildOrderId(), request.lineId(), request.startDate());
        return Response.created(uri.getAbsolutePathBuilder().path(schedule.id()).build())
                .entity(ScheduleView.of(schedule)).build();
    }

    @GET
    @Path("build-schedules")
    @Operation(summary = "A build order's schedules")
    public List<ScheduleView> schedules(@QueryParam("buildOrderId") String buildOrderId) {
        // checked here, not by @NotBlank: Payara's OpenAPI generator fails on constrained query parameters
        if (buildOrderId == null || buildOrderId.isBlank()) {
            throw new InvalidInputException("buildOrderId", "must not be blank");
        }
        return assembly.schedulesOf(buildOrderId).stream().map(ScheduleView::of).toList();
    }

    @POST
    @Path("hashboards")
    @Operation(summary = "Record an assembled hashboard; its dies are taken from the order's kit")
    public Response assembleBoard(@Valid @NotNull BoardRequest request, @Context UriInfo uri) {
        var board = intake.record(new BoardRecorder.Report(request.serial(), request.buildOrderId(), request.lineId()));
        return Response.created(uri.getAbsolutePathBuilder().path(board.serial()).build())
                .entity(BoardView.of(board)).build();
    }

    @POST
    @Path("hashboard-trays")
    @Operation(summary = "Record the boards of a tray (up to 100, one order, one line) together: all of them or, if one is refused, none")
    public Response assembleTray(@Valid @NotNull TrayRequest request, @Context UriInfo uri) {
        ListElements.require("serials", request.serials(), ListElements::isCode, SERIAL_RULE);
        var boards = recorder.recordTray(request.serials().stream()
                .map(serial -> new BoardRecorder.Report(serial, request.buildOrderId(), request.lineId())).toList());
        return Response.status(Response.Status.CREATED).entity(boards.stream().map(BoardView::of).toList()).build();
    }

    @GET
    @Path("hashboards")
    @Operation(summary = "Hashboards, newest first unless sorted otherwise, filtered and paged",
            description = "status: AWAITING_QA, PASSED, FAILED, IN_REWORK, SCRAPPED, INSTALLED; sort: assembledAt,"
                    + " serial (a leading - sorts descending); page from 0, size 1 to 500 (default 50)")
    public Page<BoardSummaryView> boards(@QueryParam("buildOrderId") String buildOrderId,
            @QueryParam("lineId") String lineId, @QueryParam("status") String status,
            @QueryParam("machineSerial") String machineSerial, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        var request = PageRequest.of(page, size, sort, Set.of("assembledAt", "serial"), "-assembledAt");
        var inStatus = QueryParams.enumValue("status", status, UnitStatus.class);
        return lists.page(Hashboard.class, "serial", l -> l.equal("buildOrderId", buildOrderId).equal("lineId", lineId)
                .equal("status", inStatus).equal("machineSerial", machineSerial), request).map(BoardSummaryView::of);
    }

    @GET
    @Path("machines")
    @Operation(summary = "Machines, newest first unless sorted otherwise, filtered and paged",
            description = "sort: assembledAt, serial (a leading - sorts descending); page from 0, size 1 to 500 (default 50)")
    public Page<MachineSummaryView> machines(@QueryParam("buildOrderId") String buildOrderId,
            @QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        var request = PageRequest.of(page, size, sort, Set.of("assembledAt", "serial"), "-assembledAt");
        var inStatus = QueryParams.enumValue("status", status, UnitStatus.class);
        return lists.page(Machine.class, "serial", l -> l.equal("buildOrderId", buildOrderId).equal("status", inStatus),
                request).map(MachineSummaryView::of);
    }

    @GET
    @Path("hashboards/{serial}")
    @Operation(summary = "A hashboard with the lots and bins of its dies")
    public BoardView board(@PathParam("serial") String serial) {
        return BoardView.of(assembly.board(serial));
    }

    @POST
    @Path("machines")
    @Operation(summary = "Record a machine built from boards that passed QA")
    public Response assembleMachine(@Valid @NotNull MachineRequest request, @Context UriInfo uri) {
        ListElements.require("boardSerials", request.boardSerials(), ListElements::isCode, SERIAL_RULE);
        var machine = assembly.assembleMachine(request.serial(), request.buildOrderId(), request.boardSerials(),
                request.controlBoardSerial(), request.psuSerial());
        return Response.created(uri.getAbsolutePathBuilder().path(machine.serial()).build())
                .entity(MachineView.of(machine, assembly.boardsOf(machine.serial()))).build();
    }

    @GET
    @Path("machines/{serial}")
    @Operation(summary = "A machine with its boards and their wafer lots")
    public MachineView machine(@PathParam("serial") String serial) {
        return MachineView.of(assembly.machine(serial), assembly.boardsOf(serial));
    }
}
