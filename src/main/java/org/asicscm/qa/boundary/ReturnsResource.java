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
import org.asicscm.qa.boundary.QaRequests.ReturnRequest;
import org.asicscm.qa.boundary.QaViews.ReturnView;
import org.asicscm.qa.control.FieldReturns;
import org.asicscm.qa.entity.FieldReturn;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Machines returned from the field (RMA). */
@Path("qa/returns")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "QA")
@RolesAllowed({Roles.QA, Roles.LOGISTICS, Roles.AUDITOR})
public class ReturnsResource {

    @EJB
    Lists lists;

    @EJB
    FieldReturns returns;

    @GET
    @Operation(summary = "Returns, newest first, filtered by status (OPEN, REPAIRED, SCRAPPED) and serial; paged")
    public Page<ReturnView> returns(
            @QueryParam("status") String status,
            @QueryParam("serial") String serial,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var request = PageRequest.of(page, size, null, Set.of("receivedAt"), "-receivedAt");
        var inStatus = QueryParams.enumValue("status", status, FieldReturn.Status.class);
        String ofSerial = QueryParams.text("serial", serial);
        return lists.page(
                        FieldReturn.class,
                        "id",
                        l -> l.equal("status", inStatus).equal("serial", ofSerial),
                        request)
                .map(ReturnView::of);
    }

    @POST
    @RolesAllowed(Roles.QA)
    @Operation(
            summary = "Receive a machine back from the field with the failure its owner reported",
            description = "The machine waits for a test again: passing closes the return as REPAIRED, scrapping as"
                    + " SCRAPPED; the reported failure counts in the Pareto as a field failure. 409 for a serial"
                    + " never shipped or already back")
    public Response receive(@Valid @NotNull ReturnRequest request, @Context UriInfo uri) {
        var received =
                returns.receive(request.serial(), request.reportedFailure(), request.customerReport(), Acting.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(received.id()).build())
                .entity(ReturnView.of(received))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A return")
    public ReturnView fieldReturn(@PathParam("id") String id) {
        return ReturnView.of(returns.fieldReturn(id));
    }
}
