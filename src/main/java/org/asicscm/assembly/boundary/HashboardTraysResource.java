package org.asicscm.assembly.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.asicscm.assembly.boundary.FloorViews.BoardView;
import org.asicscm.assembly.boundary.FloorViews.TrayRequest;
import org.asicscm.assembly.control.BoardRecorder;
import org.asicscm.platform.Codes;
import org.asicscm.platform.ListElements;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tray or panel of boards recorded together, all or none. */
@Path("hashboard-trays")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assembly")
@RolesAllowed({Roles.PLANNER, Roles.QA, Roles.AUDITOR})
public class HashboardTraysResource {

    @EJB
    BoardRecorder recorder;

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(
            summary =
                    "Record the boards of a tray (up to 100, one order, one line) together: all of them or, if one is refused, none")
    public Response assembleTray(@Valid @NotNull TrayRequest request, @Context UriInfo uri) {
        ListElements.require("serials", request.serials(), Codes::isCode, AssemblyViews.SERIAL_RULE);
        var boards = recorder.recordTray(request.serials().stream()
                .map(serial -> new BoardRecorder.Report(serial, request.buildOrderId(), request.lineId()))
                .toList());
        return Response.status(Response.Status.CREATED)
                .entity(boards.stream().map(BoardView::of).toList())
                .build();
    }
}
