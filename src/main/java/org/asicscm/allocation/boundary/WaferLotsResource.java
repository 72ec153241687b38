package org.asicscm.allocation.boundary;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.asicscm.access.boundary.ApprovalsResource;
import org.asicscm.access.boundary.ApprovalsResource.ApprovalView;
import org.asicscm.access.control.Approvals;
import org.asicscm.access.entity.Approval;
import org.asicscm.allocation.boundary.AllocationViews.ReasonRequest;
import org.asicscm.allocation.boundary.LotViews.BinRequest;
import org.asicscm.allocation.boundary.LotViews.CorrectionLogView;
import org.asicscm.allocation.boundary.LotViews.CorrectionRequest;
import org.asicscm.allocation.boundary.LotViews.CorrectionView;
import org.asicscm.allocation.boundary.LotViews.LotRequest;
import org.asicscm.allocation.boundary.LotViews.LotView;
import org.asicscm.allocation.boundary.OrderViews.AllocationView;
import org.asicscm.allocation.control.WaferLots;
import org.asicscm.allocation.entity.WaferLot;
import org.asicscm.platform.Correlation;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.ListElements;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.asicscm.platform.RuleViolationException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("wafer-lots")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocation")
@RolesAllowed({Roles.PLANNER, Roles.QA, Roles.AUDITOR})
public class WaferLotsResource {

    @EJB
    WaferLots lots;

    @EJB
    Approvals approvals;

    @EJB
    Lists lists;

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "Receive a wafer lot from the foundry, with its good dies per bin")
    public Response receive(
            @Valid @NotNull LotRequest request,
            @HeaderParam(Correlation.HEADER) String correlationId,
            @Context UriInfo uri) {
        var lot = lots.receiveLot(
                request.lotNumber(),
                request.chipModel(),
                request.wafers(),
                byBin(request.bins()),
                Correlation.orNew(correlationId));
        return Response.created(uri.getAbsolutePathBuilder().path(lot.id()).build())
                .entity(LotView.of(lot))
                .build();
    }

    private static LinkedHashMap<String, Integer> byBin(List<BinRequest> bins) {
        ListElements.require("bins", bins, b -> true, "must not be null");
        var goodDiesByBin = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < bins.size(); i++) {
            var bin = bins.get(i);
            if (goodDiesByBin.put(bin.bin(), bin.goodDies()) != null) {
                throw new InvalidInputException("bins[" + i + "].bin", "bin " + bin.bin() + " is listed twice");
            }
        }
        return goodDiesByBin;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A lot with its bins and the dies still available in each")
    public LotView lot(@PathParam("id") String id) {
        return LotView.of(lots.lot(id));
    }

    public record HoldView(String action, String reason, java.time.OffsetDateTime decidedAt) {}

    @POST
    @RolesAllowed({Roles.PLANNER, Roles.QA})
    @Path("{id}/hold")
    @Operation(summary = "Put a lot on quality hold; no die of it can be allocated until it is released")
    public LotView hold(@PathParam("id") String id, @Valid @NotNull ReasonRequest request) {
        return LotView.of(lots.holdLot(id, request.reason()));
    }

    @POST
    @RolesAllowed({Roles.PLANNER, Roles.QA})
    @Path("{id}/release")
    @Operation(
            summary =
                    "Ask to release a lot from quality hold; a second person approves it (POST approvals/{id}/approve)")
    @APIResponse(
            responseCode = "202",
            description = "Waiting for a second person; the approval is at Location",
            content = @Content(schema = @Schema(implementation = ApprovalView.class)))
    public Response release(@PathParam("id") String id, @Valid @NotNull ReasonRequest request) {
        if (!lots.lot(id).onHold()) {
            throw new RuleViolationException(
                    "not-on-hold", null, "lot " + lots.lot(id).lotNumber() + " is not on hold");
        }
        return ApprovalsResource.accepted(approvals.request(
                Approval.Kind.LOT_RELEASE, id, "{}", request.reason(), org.asicscm.platform.Acting.actor()));
    }

    @GET
    @Path("{id}/allocations")
    @Operation(summary = "The lot's allocation history: every allocation made from it, released ones included")
    public List<AllocationView> allocations(@PathParam("id") String id) {
        return lots.allocationsOfLot(id).stream().map(AllocationView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Path("{id}/corrections")
    @Operation(
            summary = "Revise good dies per bin after a retest",
            description = "Where a bin now has fewer dies than are allocated, the least urgent orders lose unconsumed"
                    + " dies first; the answer lists those withdrawals. A count below the dies already on boards is 409."
                    + " A correction that lowers any bin waits for a second person (202 with the approval).")
    @APIResponse(
            responseCode = "200",
            description = "Corrected (no bin went down)",
            content = @Content(schema = @Schema(implementation = CorrectionView.class)))
    @APIResponse(
            responseCode = "202",
            description = "A bin goes down: waiting for a second person; the approval is at Location",
            content = @Content(schema = @Schema(implementation = ApprovalView.class)))
    public Response correct(@PathParam("id") String id, @Valid @NotNull CorrectionRequest request) {
        var bins = byBin(request.bins());
        if (!lots.checkCorrection(id, bins)) {
            return Response.ok(CorrectionView.of(lots.correctLot(id, bins, request.reason())))
                    .build();
        }
        var details = jakarta.json.Json.createObjectBuilder();
        bins.forEach(details::add);
        return ApprovalsResource.accepted(approvals.request(
                Approval.Kind.LOT_CORRECTION,
                id,
                jakarta.json.Json.createObjectBuilder()
                        .add("bins", details)
                        .build()
                        .toString(),
                request.reason(),
                org.asicscm.platform.Acting.actor()));
    }

    @GET
    @Path("{id}/corrections")
    @Operation(summary = "The lot's corrections, oldest first")
    public List<CorrectionLogView> corrections(@PathParam("id") String id) {
        return lots.correctionsOf(id).stream().map(CorrectionLogView::of).toList();
    }

    @GET
    @Path("{id}/holds")
    @Operation(summary = "The lot's holds and releases, oldest first")
    public List<HoldView> holds(@PathParam("id") String id) {
        return lots.holdsOf(id).stream()
                .map(h -> new HoldView(h.action(), h.reason(), h.decidedAt()))
                .toList();
    }

    @GET
    @Operation(
            summary = "Wafer lots, newest first unless sorted otherwise, filtered and paged",
            description = "sort: receivedAt, lotNumber (a leading - sorts descending); page from 0, size 1 to 500"
                    + " (default 50); total counts every lot the filters match")
    public Page<LotView> lots(
            @QueryParam("chipModel") String chipModel,
            @QueryParam("onHold") String onHold,
            @QueryParam("lotNumber") String lotNumber,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        var request = PageRequest.of(page, size, sort, Set.of("receivedAt", "lotNumber"), "-receivedAt");
        Boolean held = onHold == null
                ? null
                : switch (onHold) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new InvalidInputException("onHold", "must be true or false");
                };
        String number = QueryParams.text("lotNumber", lotNumber);
        return lists.page(
                        WaferLot.class,
                        "id",
                        l -> l.equal("chipModel", chipModel)
                                .equal("onHold", held)
                                .containing("lotNumber", number),
                        request)
                .map(LotView::of);
    }
}
