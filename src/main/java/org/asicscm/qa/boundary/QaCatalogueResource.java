package org.asicscm.qa.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.asicscm.platform.Acting;
import org.asicscm.platform.Codes;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.Roles;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.qa.boundary.QaRequests.FailureCodeRequest;
import org.asicscm.qa.boundary.QaRequests.LimitSetRequest;
import org.asicscm.qa.boundary.QaViews.FailureCodeView;
import org.asicscm.qa.boundary.QaViews.LimitSetView;
import org.asicscm.qa.control.TestLimits;
import org.asicscm.qa.entity.Limits;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The failure catalogue and the test limits per product, kept by QA engineers. */
@Path("qa")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "QA")
@RolesAllowed({Roles.QA, Roles.PLANNER, Roles.AUDITOR})
public class QaCatalogueResource {

    @EJB
    TestLimits limits;

    @GET
    @Path("failure-codes")
    @Operation(summary = "The failure catalogue: every code with its category, retired ones marked inactive")
    public List<FailureCodeView> failureCodes() {
        return limits.failureCodes().stream().map(FailureCodeView::of).toList();
    }

    @PUT
    @RolesAllowed(Roles.QA)
    @Path("failure-codes/{code}")
    @Operation(
            summary = "Add a failure code, or change its category, description or whether it may still be logged",
            description = "code: upper-case letters, digits and _ (at most 32); active false retires it")
    public FailureCodeView defineFailureCode(
            @PathParam("code") String code, @Valid @NotNull FailureCodeRequest request) {
        if (!code.matches("[A-Z][A-Z0-9_]{0,31}")) {
            throw new InvalidInputException("code", "must be upper-case letters, digits and _, at most 32");
        }
        return FailureCodeView.of(limits.defineFailureCode(
                code, request.category(), request.description(), request.active() == null || request.active()));
    }

    @GET
    @Path("limit-sets/{product}")
    @Operation(summary = "A product's test limit sets, newest version first")
    public List<LimitSetView> limitSets(@PathParam("product") String product) {
        var versions = limits.versions(product);
        if (versions.isEmpty()) {
            throw new UnknownEntityException("limit set of product", product);
        }
        return versions.stream().map(LimitSetView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.QA)
    @Path("limit-sets")
    @Operation(
            summary = "A new version of a product's test limits; tests from now on are judged by it",
            description = "minChipsPerChain at most the product's chips per board; minTempC below maxTempC;"
                    + " a reading exactly at a bound passes")
    public Response defineLimits(@Valid @NotNull LimitSetRequest request, @Context UriInfo uri) {
        if (!Codes.isCode(request.product())) {
            throw new InvalidInputException("product", "must be a product code");
        }
        var set = limits.define(
                request.product(),
                new Limits(
                        request.minChipsPerChain(),
                        request.minChainHashrateGhs(),
                        request.minHashrateThs(),
                        request.maxEfficiencyJth(),
                        request.minTempC(),
                        request.maxTempC()),
                Acting.actor());
        return Response.created(UriBuilder.fromUri(uri.getBaseUri())
                        .path("qa/limit-sets")
                        .path(set.product())
                        .build())
                .entity(LimitSetView.of(set))
                .build();
    }
}
