package org.asicscm.qa.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.asicscm.access.boundary.ApprovalsResource;
import org.asicscm.access.boundary.ApprovalsResource.ApprovalView;
import org.asicscm.access.control.Approvals;
import org.asicscm.access.entity.Approval;
import org.asicscm.events.Events.UnitKind;
import org.asicscm.platform.ListElements;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.qa.control.QaService;
import org.asicscm.qa.entity.FailureCode;
import org.asicscm.qa.entity.Measurement;
import org.asicscm.qa.entity.QaDisposition;
import org.asicscm.qa.entity.QaUnit;
import org.asicscm.qa.entity.TestRecord;
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

    public record TestRequest(
            @NotNull @DecimalMin("0") @DecimalMax("10000") BigDecimal hashrateThs,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000")
            BigDecimal powerW,

            @NotEmpty @Size(max = 10) List<Integer> chipsDetected,
            @DecimalMin("-40") @DecimalMax("200") BigDecimal maxTempC,
            FailureCode failureCode,
            @Size(max = 500) String note) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public TestRequest(
                BigDecimal hashrateThs,
                BigDecimal powerW,
                List<Integer> chipsDetected,
                BigDecimal maxTempC,
                FailureCode failureCode,
                String note) {
            this.hashrateThs = hashrateThs;
            this.powerW = powerW;
            this.chipsDetected = chipsDetected;
            this.maxTempC = maxTempC;
            this.failureCode = failureCode;
            this.note = note;
        }
    }

    public record DispositionRequest(
            @NotBlank @Size(max = 500) String note) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public DispositionRequest(String note) {
            this.note = note;
        }
    }

    public record TestView(
            int attempt,
            BigDecimal hashrateThs,
            BigDecimal powerW,
            BigDecimal efficiencyJth,
            List<Integer> chipsDetected,
            BigDecimal maxTempC,
            boolean passed,
            FailureCode failureCode,
            String note,
            OffsetDateTime testedAt) {
        static TestView of(TestRecord t) {
            return new TestView(
                    t.attempt(),
                    t.hashrateThs(),
                    t.powerW(),
                    t.efficiencyJth(),
                    t.chipsDetected(),
                    t.maxTempC(),
                    t.passed(),
                    t.failureCode(),
                    t.note(),
                    t.testedAt());
        }
    }

    public record UnitView(
            String serial,
            String kind,
            String buildOrderId,
            int chains,
            int chipsPerChain,
            String status,
            int attempts,
            OffsetDateTime updatedAt,
            List<TestView> tests,
            List<DispositionView> dispositions) {
        static UnitView of(QaUnit u, List<TestRecord> tests, List<QaDisposition> dispositions) {
            return new UnitView(
                    u.serial(),
                    u.kind().name(),
                    u.buildOrderId(),
                    u.chains(),
                    u.chipsPerChain(),
                    u.status().name(),
                    u.attempts(),
                    u.updatedAt(),
                    tests.stream().map(TestView::of).toList(),
                    dispositions.stream().map(DispositionView::of).toList());
        }

        /** A unit in a list: without its history. */
        static UnitView summary(QaUnit u) {
            return of(u, List.of(), List.of());
        }
    }

    /** What was decided about the unit after a failure (REWORK or SCRAP), by whom is issue 11's. */
    public record DispositionView(String action, String note, OffsetDateTime decidedAt) {
        static DispositionView of(QaDisposition d) {
            return new DispositionView(d.action().name(), d.note(), d.decidedAt());
        }
    }

    @EJB
    Approvals approvals;

    @EJB
    QaService qa;

    @GET
    @Operation(
            summary = "Units in QA, by default those waiting for a test, longest waiting first, paged",
            description = "status: AWAITING_TEST (default), PASSED, FAILED, IN_REWORK, SCRAPPED; kind: BOARD, MACHINE;"
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
    @Operation(summary = "A unit with its test history")
    public UnitView unit(@PathParam("serial") String serial) {
        return UnitView.of(qa.unit(serial), qa.testsOf(serial), qa.dispositionsOf(serial));
    }

    @POST
    @RolesAllowed(Roles.QA)
    @Path("{serial}/tests")
    @Operation(
            summary = "Log a test: readings per chain, and a failure code for what the bench cannot see",
            description = "The unit fails when a chain detects fewer chips than it carries, when it overheats, "
                    + "or when a failure code is given.")
    public Response test(
            @PathParam("serial") String serial, @Valid @NotNull TestRequest request, @Context UriInfo uri) {
        ListElements.require(
                "chipsDetected",
                request.chipsDetected(),
                n -> n >= 0 && n <= 1000,
                "must be the chips detected on the chain, 0 to 1000");
        var test = qa.recordTest(
                serial,
                new Measurement(request.hashrateThs(), request.powerW(), request.chipsDetected(), request.maxTempC()),
                request.failureCode(),
                request.note());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(test.attempt()))
                        .build())
                .entity(TestView.of(test))
                .build();
    }

    @POST
    @RolesAllowed(Roles.QA)
    @Path("{serial}/rework")
    @Operation(summary = "Send a failed unit to rework; it is retested afterwards")
    public UnitView rework(@PathParam("serial") String serial, @Valid @NotNull DispositionRequest request) {
        return UnitView.of(qa.rework(serial, request.note()), qa.testsOf(serial), qa.dispositionsOf(serial));
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
            return Response.ok(UnitView.of(
                            qa.scrap(serial, request.note()), qa.testsOf(serial), qa.dispositionsOf(serial)))
                    .build();
        }
        if (unit.status() != QaUnit.Status.FAILED && unit.status() != QaUnit.Status.IN_REWORK) {
            throw new RuleViolationException(
                    "not-failed",
                    null,
                    "machine " + serial + " is " + unit.status() + "; only a failed unit is scrapped",
                    java.util.Map.of("unitStatus", unit.status().name()));
        }
        return ApprovalsResource.accepted(approvals.request(
                Approval.Kind.MACHINE_SCRAP, serial, "{}", request.note(), org.asicscm.platform.Acting.actor()));
    }

    @GET
    @Path("{serial}/tests/{attempt}")
    @Operation(summary = "One test of a unit: its readings and verdict")
    public TestView test(@PathParam("serial") String serial, @PathParam("attempt") String attempt) {
        return TestView.of(qa.test(serial, QueryParams.positive("attempt", attempt)));
    }
}
