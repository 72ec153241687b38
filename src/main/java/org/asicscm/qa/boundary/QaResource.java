package org.asicscm.qa.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.Set;
import org.asicscm.access.boundary.ApprovalsResource;
import org.asicscm.access.boundary.ApprovalsResource.ApprovalView;
import org.asicscm.access.control.Approvals;
import org.asicscm.access.entity.Approval;
import org.asicscm.events.Events.UnitKind;
import org.asicscm.platform.Acting;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.ListElements;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.qa.boundary.QaRequests.DispositionRequest;
import org.asicscm.qa.boundary.QaRequests.ReworkRequest;
import org.asicscm.qa.boundary.QaRequests.TestRequest;
import org.asicscm.qa.boundary.QaViews.TestView;
import org.asicscm.qa.boundary.QaViews.UnitView;
import org.asicscm.qa.control.QaService;
import org.asicscm.qa.entity.ChainReading;
import org.asicscm.qa.entity.Measurement;
import org.asicscm.qa.entity.QaUnit;
import org.asicscm.qa.entity.Rework;
import org.asicscm.qa.entity.TestBench;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("qa/units")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "QA")
@RolesAllowed({Roles.QA, Roles.PLANNER, Roles.AUDITOR})
public class QaResource {

    @EJB
    Lists lists;

    @EJB
    Approvals approvals;

    @EJB
    QaService qa;

    @GET
    @Operation(
            summary = "Units in QA, by default those waiting for a test, longest waiting first, paged",
            description = "status: AWAITING_TEST (default), PASSED, FAILED, IN_REWORK, ENGINEERING_REVIEW, SCRAPPED;"
                    + " kind: BOARD, MACHINE;"
                    + " sort: updatedAt, serial, attempts (a leading - sorts descending); page from 0, size 1 to 500"
                    + " (default 50)")
    public Page<UnitView> units(
            @QueryParam("status") @DefaultValue("AWAITING_TEST") String status,
            @QueryParam("kind") String kind,
            @QueryParam("buildOrderId") String buildOrderId,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        var request = PageRequest.of(page, size, sort, Set.of("updatedAt", "serial", "attempts"), "updatedAt");
        var inStatus = QueryParams.enumValue("status", status, QaUnit.Status.class);
        var ofKind = QueryParams.enumValue("kind", kind, UnitKind.class);
        return lists.page(
                        QaUnit.class,
                        "serial",
                        l -> l.equal("status", inStatus).equal("kind", ofKind).equal("buildOrderId", buildOrderId),
                        request)
                .map(UnitView::summary);
    }

    @GET
    @Path("{serial}")
    @Operation(summary = "A unit with its tests, dispositions and rework")
    public UnitView unit(@PathParam("serial") String serial) {
        return view(qa.unit(serial));
    }

    private UnitView view(QaUnit unit) {
        String serial = unit.serial();
        return UnitView.of(unit, qa.testsOf(serial), qa.dispositionsOf(serial), qa.reworksOf(serial));
    }

    @POST
    @RolesAllowed(Roles.QA)
    @Path("{serial}/tests")
    @Operation(
            summary = "Log a test: readings per chain, the bench, and a failure code for what the bench cannot see",
            description = "Give chains (a reading per chain) or chipsDetected (chips found per chain). The unit is"
                    + " judged by its product's current limit set (POST qa/limit-sets; built-in defaults without"
                    + " one), named in limitSetVersion; a passing unit under a quality hold is refused 409.")
    public Response test(
            @PathParam("serial") String serial, @Valid @NotNull TestRequest request, @Context UriInfo uri) {
        var test = qa.recordTest(
                serial,
                new TestBench(
                        request.station(),
                        Acting.actor(),
                        request.firmware(),
                        request.program(),
                        request.startedAt(),
                        request.endedAt()),
                measurement(request),
                new QaService.LoggedFailure(
                        request.failureCode(), request.failedChain(), request.failedChip(), request.note()));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(test.attempt()))
                        .build())
                .entity(TestView.of(test))
                .build();
    }

    private static Measurement measurement(TestRequest request) {
        if ((request.chains() == null) == (request.chipsDetected() == null)) {
            throw new InvalidInputException("chains", "give either chains (a reading per chain) or chipsDetected");
        }
        if (request.startedAt() != null
                && request.endedAt() != null
                && request.endedAt().isBefore(request.startedAt())) {
            throw new InvalidInputException("endedAt", "must not be before startedAt");
        }
        if (request.fanRpm() != null) {
            ListElements.require("fanRpm", request.fanRpm(), n -> n >= 0 && n <= 30000, "must be 0 to 30000 rpm");
        }
        List<ChainReading> chains;
        if (request.chains() != null) {
            chains = request.chains().stream()
                    .map(c -> new ChainReading(
                            c.chipsDetected(), c.hashrateGhs(), c.chipTempC(), c.pcbTempC(), c.errors()))
                    .toList();
        } else {
            ListElements.require(
                    "chipsDetected",
                    request.chipsDetected(),
                    n -> n >= 0 && n <= 1000,
                    "must be the chips detected on the chain, 0 to 1000");
            chains = request.chipsDetected().stream().map(ChainReading::chips).toList();
        }
        return new Measurement(request.hashrateThs(), request.powerW(), chains, request.maxTempC(), request.fanRpm());
    }

    @POST
    @RolesAllowed(Roles.QA)
    @Path("{serial}/rework")
    @Operation(
            summary = "Send a failed unit to rework with what was done; it is retested afterwards",
            description = "steps: CHIP_REPLACED (chain, chipIndex, newDieLot, newDieBin: the genealogy follows),"
                    + " CONTROL_BOARD_SWAP and PSU_SWAP (newPartSerial, newPartLot), REFLOW, FAN_SWAP, OTHER. Past"
                    + " the rework limit (scm.qa.rework-limit, 3) refused 409: scrap or engineering review.")
    public UnitView rework(@PathParam("serial") String serial, @Valid @NotNull ReworkRequest request) {
        List<Rework.Step> steps = request.steps() == null
                ? List.of()
                : request.steps().stream().map(QaRequests.StepRequest::step).toList();
        return view(qa.rework(serial, request.note(), steps, Acting.actor()));
    }

    @POST
    @RolesAllowed(Roles.QA)
    @Path("{serial}/engineering-review")
    @Operation(summary = "Send a failed unit to engineering review (past the rework limit, or by choice)")
    public UnitView engineeringReview(@PathParam("serial") String serial, @Valid @NotNull DispositionRequest request) {
        return view(qa.sendToEngineeringReview(serial, request.note()));
    }

    @POST
    @RolesAllowed(Roles.QA)
    @Path("{serial}/scrap")
    @Operation(
            summary = "Scrap a failed unit",
            description =
                    "A board is scrapped at once (200); a whole machine waits for a second QA engineer (202 with the"
                            + " approval, POST approvals/{id}/approve)")
    @APIResponse(
            responseCode = "200",
            description = "The board is scrapped",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(
            responseCode = "202",
            description = "A machine: waiting for a second person; the approval is at Location",
            content = @Content(schema = @Schema(implementation = ApprovalView.class)))
    public Response scrap(@PathParam("serial") String serial, @Valid @NotNull DispositionRequest request) {
        QaUnit unit = qa.unit(serial);
        if (unit.kind() != UnitKind.MACHINE) {
            return Response.ok(view(qa.scrap(serial, request.note()))).build();
        }
        if (unit.status() != QaUnit.Status.FAILED
                && unit.status() != QaUnit.Status.IN_REWORK
                && unit.status() != QaUnit.Status.ENGINEERING_REVIEW) {
            throw new RuleViolationException(
                    "not-failed",
                    null,
                    "machine " + serial + " is " + unit.status() + "; only a failed unit is scrapped",
                    java.util.Map.of("unitStatus", unit.status().name()));
        }
        return ApprovalsResource.accepted(
                approvals.request(Approval.Kind.MACHINE_SCRAP, serial, "{}", request.note(), Acting.actor()));
    }

    @GET
    @Path("{serial}/tests/{attempt}")
    @Operation(summary = "One test of a unit: its readings and verdict")
    public TestView test(@PathParam("serial") String serial, @PathParam("attempt") String attempt) {
        return TestView.of(qa.test(serial, QueryParams.positive("attempt", attempt)));
    }
}
