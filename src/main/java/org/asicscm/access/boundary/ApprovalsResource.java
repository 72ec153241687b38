package org.asicscm.access.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.Set;
import org.asicscm.access.control.Approvals;
import org.asicscm.access.entity.Approval;
import org.asicscm.platform.Acting;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Actions waiting for a second person: see them, approve them (they then run) or reject them. */
@Path("approvals")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
@RolesAllowed({Roles.PLANNER, Roles.QA, Roles.ADMIN, Roles.AUDITOR})
public class ApprovalsResource {

    @EJB
    Approvals approvals;

    @EJB
    Lists lists;

    @Context
    SecurityContext security;

    public record DecisionRequest(@Size(max = 500) String note) {
        public DecisionRequest(String note) {
            this.note = note;
        }
    }

    public record ApprovalView(
            String id,
            Approval.Kind kind,
            String subjectId,
            JsonValue details,
            String reason,
            Approval.Status status,
            String requestedBy,
            OffsetDateTime requestedAt,
            String decidedBy,
            OffsetDateTime decidedAt,
            String decisionNote,
            JsonValue result) {
        public static ApprovalView of(Approval a) {
            return new ApprovalView(
                    a.id(),
                    a.kind(),
                    a.subjectId(),
                    json(a.details()),
                    a.reason(),
                    a.status(),
                    a.requestedBy(),
                    a.requestedAt(),
                    a.decidedBy(),
                    a.decidedAt(),
                    a.decisionNote(),
                    json(a.result()));
        }

        private static JsonValue json(String text) {
            return text == null
                    ? null
                    : Json.createReader(new StringReader(text)).readValue();
        }
    }

    /** 202: the request waits for a second person, at the approval's own address. */
    public static Response accepted(Approval approval) {
        return Response.accepted(ApprovalView.of(approval))
                .location(UriBuilder.fromPath("approvals/{id}").build(approval.id()))
                .build();
    }

    @GET
    @Operation(
            summary = "Approvals, oldest first, filtered and paged",
            description = "status PENDING, APPROVED or REJECTED; kind LOT_RELEASE, LOT_CORRECTION or MACHINE_SCRAP")
    public Page<ApprovalView> list(
            @QueryParam("status") String status,
            @QueryParam("kind") String kind,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var state = QueryParams.enumValue("status", status, Approval.Status.class);
        var ofKind = QueryParams.enumValue("kind", kind, Approval.Kind.class);
        var request = PageRequest.of(page, size, "requestedAt", Set.of("requestedAt"), "requestedAt");
        return lists.page(Approval.class, "id", l -> l.equal("status", state).equal("kind", ofKind), request)
                .map(ApprovalView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One approval, with what came of it once approved")
    public ApprovalView one(@PathParam("id") String id) {
        return ApprovalView.of(approvals.approval(id));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({Roles.PLANNER, Roles.QA})
    @Operation(summary = "Approve as a second person: the action runs now; its answer is the approval's result")
    public ApprovalView approve(@PathParam("id") String id, @Valid @NotNull DecisionRequest request) {
        return ApprovalView.of(approvals.approve(id, Acting.actor(), Roles.held(security), request.note()));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({Roles.PLANNER, Roles.QA})
    @Operation(summary = "Reject as a second person: nothing is done")
    public ApprovalView reject(@PathParam("id") String id, @Valid @NotNull DecisionRequest request) {
        return ApprovalView.of(approvals.reject(id, Acting.actor(), request.note()));
    }
}
