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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.asicscm.assembly.boundary.FloorViews.BoardRequest;
import org.asicscm.assembly.boundary.FloorViews.BoardSummaryView;
import org.asicscm.assembly.boundary.FloorViews.BoardView;
import org.asicscm.assembly.control.AssemblyService;
import org.asicscm.assembly.control.BoardIntake;
import org.asicscm.assembly.control.BoardRecorder;
import org.asicscm.assembly.entity.Hashboard;
import org.asicscm.assembly.entity.UnitStatus;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Hashboards built on the lines: recorded one by one, listed, traced to their dies. */
@Path("hashboards")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assembly")
@RolesAllowed({Roles.PLANNER, Roles.QA, Roles.AUDITOR})
public class HashboardsResource {

    @EJB
    Lists lists;

    @EJB
    AssemblyService assembly;

    @Inject
    BoardIntake intake;

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "Record an assembled hashboard; its dies are taken from the order's kit")
    public Response assembleBoard(@Valid @NotNull BoardRequest request, @Context UriInfo uri) {
        var board = intake.record(new BoardRecorder.Report(request.serial(), request.buildOrderId(), request.lineId()));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(board.serial()).build())
                .entity(BoardView.of(board))
                .build();
    }

    @GET
    @Operation(
            summary = "Hashboards, newest first unless sorted otherwise, filtered and paged",
            description = "status: AWAITING_QA, PASSED, FAILED, IN_REWORK, SCRAPPED, INSTALLED; sort: assembledAt,"
                    + " serial (a leading - sorts descending); page from 0, size 1 to 500 (default 50)")
    public Page<BoardSummaryView> boards(
            @QueryParam("buildOrderId") String buildOrderId,
            @QueryParam("lineId") String lineId,
            @QueryParam("status") String status,
            @QueryParam("machineSerial") String machineSerial,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        var request = PageRequest.of(page, size, sort, Set.of("assembledAt", "serial"), "-assembledAt");
        var inStatus = QueryParams.enumValue("status", status, UnitStatus.class);
        return lists.page(
                        Hashboard.class,
                        "serial",
                        l -> l.equal("buildOrderId", buildOrderId)
                                .equal("lineId", lineId)
                                .equal("status", inStatus)
                                .equal("machineSerial", machineSerial),
                        request)
                .map(BoardSummaryView::of);
    }

    @GET
    @Path("{serial}")
    @Operation(summary = "A hashboard with the lots and bins of its dies")
    public BoardView board(@PathParam("serial") String serial) {
        return BoardView.of(assembly.board(serial));
    }
}
