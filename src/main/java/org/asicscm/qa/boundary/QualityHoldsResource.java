package org.asicscm.qa.boundary;

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
import org.asicscm.platform.Acting;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.asicscm.qa.boundary.GenealogyViews.RecallView;
import org.asicscm.qa.boundary.QaRequests.DispositionRequest;
import org.asicscm.qa.boundary.QaRequests.HoldRequest;
import org.asicscm.qa.boundary.QaViews.HoldView;
import org.asicscm.qa.control.QualityHolds;
import org.asicscm.qa.control.Recall;
import org.asicscm.qa.entity.QualityHold;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Quality holds on wafer lots, lots and bins, supplier lots and firmware. */
@Path("qa/holds")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "QA")
@RolesAllowed({Roles.QA, Roles.PLANNER, Roles.LOGISTICS, Roles.AUDITOR})
public class QualityHoldsResource {

    @EJB
    Lists lists;

    @EJB
    QualityHolds holds;

    @EJB
    Recall recall;

    @GET
    @Operation(
            summary = "Quality holds, newest first, by default the active ones; paged",
            description = "active: true (default) or false for released ones; scope filters by kind")
    public Page<HoldView> holds(
            @QueryParam("active") String active,
            @QueryParam("scope") String scope,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        boolean activeOnly = active == null || QueryParams.bool("active", active);
        var request = PageRequest.of(page, size, null, Set.of("placedAt"), "-placedAt");
        var ofScope = QueryParams.enumValue("scope", scope, QualityHold.Scope.class);
        return lists.page(
                        QualityHold.class,
                        "id",
                        l -> l.isNull("releasedAt", activeOnly).equal("scope", ofScope),
                        request)
                .map(HoldView::of);
    }

    @POST
    @RolesAllowed(Roles.QA)
    @Operation(
            summary = "Put a wafer lot, a lot and bin, a control-board or PSU lot or a firmware version on hold",
            description = "Every unit carrying it is refused a QA pass, and its machines cannot be booked on a"
                    + " shipment (QualityHoldPlaced) until the hold is released; 409 when the same hold is active")
    public Response place(@Valid @NotNull HoldRequest request, @Context UriInfo uri) {
        var hold = holds.place(request.scope(), request.subject(), request.bin(), request.reason(), Acting.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(hold.id()).build())
                .entity(HoldView.of(hold))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A quality hold")
    public HoldView hold(@PathParam("id") String id) {
        return HoldView.of(holds.hold(id));
    }

    @GET
    @Path("{id}/blocks")
    @Operation(summary = "What a hold blocks: the units carrying its subject and where they are, paged as a recall")
    public RecallView blocks(
            @PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size) {
        QualityHold hold = holds.hold(id);
        var subject = new Recall.Subject(hold.scope(), hold.subject(), hold.bin());
        var request = PageRequest.of(page, size, null, Set.of("serial"), "serial");
        var summary = recall.summary(subject);
        return new RecallView(
                hold.scope().name(),
                hold.subject(),
                hold.bin(),
                summary,
                new Page<>(
                        recall.rows(subject, request.page(), request.size()),
                        request.page(),
                        request.size(),
                        summary.rows()));
    }

    @POST
    @RolesAllowed(Roles.QA)
    @Path("{id}/release")
    @Operation(summary = "Release a hold: its units may pass QA and be booked again (QualityHoldReleased)")
    public HoldView release(@PathParam("id") String id, @Valid @NotNull DispositionRequest request) {
        return HoldView.of(holds.release(id, request.note(), Acting.actor()));
    }
}
