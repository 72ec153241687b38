package org.asicscm.assembly.boundary;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.asicscm.assembly.boundary.FloorViews.MachineRequest;
import org.asicscm.assembly.boundary.FloorViews.MachineSummaryView;
import org.asicscm.assembly.boundary.FloorViews.MachineView;
import org.asicscm.assembly.control.AssemblyService;
import org.asicscm.assembly.entity.Machine;
import org.asicscm.assembly.entity.UnitStatus;
import org.asicscm.platform.Codes;
import org.asicscm.platform.ListElements;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Machines built from boards that passed QA. */
@Path("machines")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assembly")
@RolesAllowed({Roles.PLANNER, Roles.QA, Roles.LOGISTICS, Roles.AUDITOR})
public class MachinesResource {

    @EJB
    Lists lists;

    @EJB
    AssemblyService assembly;

    @GET
    @Operation(
            summary = "Machines, newest first unless sorted otherwise, filtered and paged",
            description =
                    "sort: assembledAt, serial (a leading - sorts descending); page from 0, size 1 to 500 (default 50)")
    public Page<MachineSummaryView> machines(
            @QueryParam("buildOrderId") String buildOrderId,
            @QueryParam("status") String status,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        var request = PageRequest.of(page, size, sort, Set.of("assembledAt", "serial"), "-assembledAt");
        var inStatus = QueryParams.enumValue("status", status, UnitStatus.class);
        return lists.page(
                        Machine.class,
                        "serial",
                        l -> l.equal("buildOrderId", buildOrderId).equal("status", inStatus),
                        request)
                .map(MachineSummaryView::of);
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(
            summary = "Record a machine built from boards that passed QA",
            description = "controlBoardLot and psuLot (the suppliers' lots) let QA recall by them")
    public Response assembleMachine(@Valid @NotNull MachineRequest request, @Context UriInfo uri) {
        ListElements.require("boardSerials", request.boardSerials(), Codes::isCode, AssemblyViews.SERIAL_RULE);
        var machine = assembly.assembleMachine(
                request.serial(),
                request.buildOrderId(),
                request.boardSerials(),
                request.controlBoardSerial(),
                request.psuSerial(),
                request.controlBoardLot(),
                request.psuLot());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(machine.serial()).build())
                .entity(MachineView.of(machine, assembly.boardsOf(machine.serial())))
                .build();
    }

    @GET
    @Path("{serial}")
    @Operation(summary = "A machine with its boards and their wafer lots")
    public MachineView machine(@PathParam("serial") String serial) {
        return MachineView.of(assembly.machine(serial), assembly.boardsOf(serial));
    }
}
