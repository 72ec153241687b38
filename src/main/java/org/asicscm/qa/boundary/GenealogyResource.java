package org.asicscm.qa.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.asicscm.platform.Codes;
import org.asicscm.platform.CsvDownload;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.asicscm.qa.boundary.GenealogyViews.MachineTraceView;
import org.asicscm.qa.boundary.GenealogyViews.RecallView;
import org.asicscm.qa.boundary.GenealogyViews.TraceView;
import org.asicscm.qa.control.Recall;
import org.asicscm.qa.control.Trace;
import org.asicscm.qa.entity.QualityHold.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Traceability in one call each: recall forward from what units are made of, trace backward
 * from a serial; each as JSON, or as one CSV file.
 */
@Path("qa")
@RequestScoped
@Tag(name = "QA")
@RolesAllowed({Roles.QA, Roles.PLANNER, Roles.LOGISTICS, Roles.AUDITOR})
public class GenealogyResource {
    /** The most rows one CSV recall holds; a lot of 10^6 dies fills about 10^4 boards. */
    static final int LONGEST_EXPORT = 200_000;

    @EJB
    Recall recall;

    @EJB
    Trace trace;

    @GET
    @Path("recall")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Recall forward: every board and machine carrying a wafer lot (and bin), a control-board or"
                    + " PSU lot or a firmware version, and where each is now; paged",
            description = "scope: WAFER_LOT (default), LOT_BIN (with bin), CONTROL_BOARD_LOT, PSU_LOT, FIRMWARE;"
                    + " subject: the lot number, supplier lot or firmware; location: IN_WIP, IN_QA, IN_STOCK,"
                    + " SHIPPED, DELIVERED, RETURNED, SCRAPPED. Page from 0, size 1 to 500 (default 50),"
                    + " ordered by serial; summary counts the whole set")
    public RecallView recall(
            @QueryParam("scope") String scope,
            @QueryParam("subject") String subject,
            @QueryParam("bin") String bin,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var of = subject(scope, subject, bin);
        var request = PageRequest.of(page, size, null, java.util.Set.of("serial"), "serial");
        var summary = recall.summary(of);
        long total = summary.rows();
        var rows = recall.rows(of, request.page(), request.size());
        return new RecallView(
                of.scope().name(),
                of.subject(),
                of.bin(),
                summary,
                new Page<>(rows, request.page(), request.size(), total));
    }

    @GET
    @Path("recall/export")
    @Produces("text/csv")
    @Operation(summary = "The same recall as one CSV file, by serial (at most 200,000 rows)")
    public Response recallCsv(
            @QueryParam("scope") String scope, @QueryParam("subject") String subject, @QueryParam("bin") String bin) {
        var of = subject(scope, subject, bin);
        return CsvDownload.of(
                "recall-" + of.subject() + ".csv",
                new String[] {
                    "boardSerial",
                    "machineSerial",
                    "chain",
                    "diesFromSubject",
                    "buildOrderId",
                    "orderNumber",
                    "lineCode",
                    "factoryId",
                    "shift",
                    "location",
                    "shipmentId",
                    "customerId",
                    "customerName",
                    "destinationCountry"
                },
                printer -> {
                    int size = PageRequest.MAX_SIZE;
                    for (int page = 0; page * size < LONGEST_EXPORT; page++) {
                        var rows = recall.rows(of, page, size);
                        for (var r : rows) {
                            printer.printRecord(
                                    r.boardSerial(),
                                    r.machineSerial(),
                                    r.chain(),
                                    r.diesFromSubject(),
                                    r.buildOrderId(),
                                    r.orderNumber(),
                                    r.lineCode(),
                                    r.factoryId(),
                                    r.shift(),
                                    r.location(),
                                    r.shipmentId(),
                                    r.customerId(),
                                    r.customerName(),
                                    r.destinationCountry());
                        }
                        if (rows.size() < size) {
                            break;
                        }
                    }
                });
    }

    @GET
    @Path("trace/{serial}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Trace backward from a machine or board serial: lots and bins per chip position, line,"
                    + " factory and shift per board, control board and PSU, tests, rework, shipment and returns")
    public TraceView trace(@PathParam("serial") String serial) {
        return TraceView.of(trace.trace(serial));
    }

    @GET
    @Path("trace/{serial}/export")
    @Produces("text/csv")
    @Operation(summary = "The same trace as one CSV file: one row per run of chip positions from one lot and bin")
    public Response traceCsv(@PathParam("serial") String serial) {
        TraceView view = TraceView.of(trace.trace(serial));
        MachineTraceView machine = view.machine();
        return CsvDownload.of(
                "trace-" + view.serial() + ".csv",
                new String[] {
                    "serial",
                    "machineSerial",
                    "boardSerial",
                    "chain",
                    "firstChip",
                    "lastChip",
                    "lotNumber",
                    "bin",
                    "replacedInRework",
                    "buildOrderId",
                    "lineCode",
                    "factoryId",
                    "shift",
                    "controlBoardSerial",
                    "controlBoardLot",
                    "psuSerial",
                    "psuLot",
                    "shipmentId",
                    "customerName"
                },
                printer -> {
                    for (var board : view.boards()) {
                        for (var run : board.dies()) {
                            printer.printRecord(
                                    view.serial(),
                                    machine == null ? null : machine.serial(),
                                    board.serial(),
                                    board.chain(),
                                    run.firstChip(),
                                    run.lastChip(),
                                    run.lotNumber(),
                                    run.bin(),
                                    run.replacedInRework(),
                                    board.buildOrderId(),
                                    board.lineCode(),
                                    board.factoryId(),
                                    board.shift(),
                                    machine == null ? null : machine.controlBoardSerial(),
                                    machine == null ? null : machine.controlBoardLot(),
                                    machine == null ? null : machine.psuSerial(),
                                    machine == null ? null : machine.psuLot(),
                                    machine == null ? null : machine.shipmentId(),
                                    machine == null ? null : machine.customerName());
                        }
                    }
                });
    }

    private static Recall.Subject subject(String scope, String subject, String bin) {
        Scope of = scope == null ? Scope.WAFER_LOT : QueryParams.enumValue("scope", scope, Scope.class);
        if (subject == null || !Codes.isCode(subject)) {
            throw new InvalidInputException("subject", "must be the lot number, supplier lot or firmware to recall");
        }
        if ((of == Scope.LOT_BIN) != (bin != null)) {
            throw new InvalidInputException("bin", "is given for scope LOT_BIN, and only for it");
        }
        if (bin != null && (bin.length() > 16 || !Codes.isCode(bin))) {
            throw new InvalidInputException("bin", "must be a bin code of at most 16 characters");
        }
        return new Recall.Subject(of, subject, bin);
    }
}
