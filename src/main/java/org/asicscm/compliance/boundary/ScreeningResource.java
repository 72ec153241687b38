package org.asicscm.compliance.boundary;

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
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.asicscm.compliance.boundary.ComplianceViews.DecisionView;
import org.asicscm.compliance.boundary.ComplianceViews.ListView;
import org.asicscm.compliance.boundary.ComplianceViews.ReviewRequest;
import org.asicscm.compliance.control.Screening;
import org.asicscm.compliance.control.ScreeningLists;
import org.asicscm.compliance.entity.ScreeningDecision;
import org.asicscm.platform.Acting;
import org.asicscm.platform.Codes;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.asicscm.platform.TextBody;
import org.asicscm.platform.UnknownEntityException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Restricted-party lists and screening decisions (docs/screening.md). */
@Path("screening")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
@RolesAllowed({Roles.COMPLIANCE, Roles.LOGISTICS, Roles.AUDITOR})
public class ScreeningResource {
    /** A consolidated list of 20,000 entries is about 3 MB; room for several times that. */
    static final int LONGEST_LIST = 32 * 1024 * 1024;

    @EJB
    ScreeningLists lists;

    @EJB
    Screening screening;

    @EJB
    Lists listing;

    @POST
    @Path("lists")
    @RolesAllowed(Roles.COMPLIANCE)
    // any type matches, so that sign-in and roles are checked before the body's type (415 after, by hand)
    @Consumes(MediaType.WILDCARD)
    @RequestBody(
            required = true,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            description = "CSV with the header name,alternate_names,addresses,country,source (docs/screening.md)")
    @Operation(
            summary = "Load a restricted-party list; it replaces the one in force",
            description = "version names the list (e.g. its publication date); fileName is kept with it. A row that"
                    + " is not well-formed refuses the whole file (400 naming row[N].field) and the list in force stays."
                    + " Bodies over 32 MiB are refused 413.")
    public Response load(
            @QueryParam("version") String version,
            @QueryParam("fileName") String fileName,
            @HeaderParam("Content-Type") String contentType,
            InputStream body,
            @Context UriInfo uri) {
        TextBody.requireType(contentType, Set.of("text/csv", MediaType.TEXT_PLAIN), "a screening list");
        if (version == null || !Codes.isCode(version)) {
            throw new InvalidInputException("version", "must be a code of letters, digits, . _ - (at most 40)");
        }
        if (fileName != null && (fileName.isBlank() || fileName.length() > 200)) {
            throw new InvalidInputException("fileName", "must be 1 to 200 characters");
        }
        var list = lists.load(
                version,
                fileName == null ? version + ".csv" : fileName,
                TextBody.read(body, LONGEST_LIST),
                Acting.actor());
        return Response.created(uri.getBaseUriBuilder()
                        .path("screening/lists")
                        .path(list.id())
                        .build())
                .entity(ListView.of(list))
                .build();
    }

    @GET
    @Path("lists")
    @Operation(summary = "The lists loaded, newest first; one is in force")
    public List<ListView> lists() {
        return lists.all().stream().map(ListView::of).toList();
    }

    @GET
    @Path("lists/current")
    @Operation(summary = "The list in force")
    public ListView current() {
        return lists.inForce()
                .map(ListView::of)
                .orElseThrow(() -> new UnknownEntityException("screening list", "in force"));
    }

    @GET
    @Path("lists/{id}")
    @Operation(summary = "One list as loaded")
    public ListView list(@PathParam("id") String id) {
        return ListView.of(lists.list(id));
    }

    @GET
    @Path("decisions")
    @Operation(
            summary = "Screening decisions, newest first, filtered and paged",
            description = "outcome: CLEAR, POTENTIAL_MATCH (the review queue), CLEARED, CONFIRMED_MATCH; page from 0,"
                    + " size 1 to 500 (default 50)")
    public Page<DecisionView> decisions(
            @QueryParam("shipmentId") String shipmentId,
            @QueryParam("outcome") String outcome,
            @QueryParam("listVersion") String listVersion,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var request = PageRequest.of(page, size, null, Set.of("screenedAt"), "-screenedAt");
        var inOutcome = QueryParams.enumValue("outcome", outcome, ScreeningDecision.Outcome.class);
        return listing.page(
                        ScreeningDecision.class,
                        "id",
                        l -> l.equal("shipmentId", shipmentId)
                                .equal("outcome", inOutcome)
                                .equal("listVersion", listVersion),
                        request)
                .map(DecisionView::of);
    }

    @GET
    @Path("decisions/{id}")
    @Operation(summary = "One screening decision")
    public DecisionView decision(@PathParam("id") String id) {
        return DecisionView.of(screening.decision(id));
    }

    @POST
    @Path("decisions/{id}/review")
    @RolesAllowed(Roles.COMPLIANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Review a potential match: clear it or confirm it, with a reason",
            description = "Only by a second person, not the one who screened (409 second-person-required); only a"
                    + " potential match is reviewed (409 nothing-to-review).")
    public DecisionView review(@PathParam("id") String id, @Valid @NotNull ReviewRequest request) {
        return DecisionView.of(screening.review(id, request.sameParty(), request.reason(), Acting.actor()));
    }
}
