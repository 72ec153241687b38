package org.asicscm.allocation.boundary;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.asicscm.allocation.boundary.CatalogueViews.ChipModelRequest;
import org.asicscm.allocation.boundary.CatalogueViews.ChipModelView;
import org.asicscm.allocation.control.Catalogue;
import org.asicscm.platform.ListElements;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("chip-models")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocation")
@RolesAllowed({Roles.PLANNER, Roles.QA, Roles.AUDITOR})
public class ChipModelsResource {

    @EJB
    Catalogue catalogue;

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "Register a chip model with its speed bins (rank 1 is the best)")
    public Response register(@Valid @NotNull ChipModelRequest request, @Context UriInfo uri) {
        ListElements.require("bins", request.bins(), b -> true, "must not be null");
        var model = catalogue.registerChipModel(
                request.code(),
                request.processNode(),
                request.description(),
                request.bins().stream()
                        .map(CatalogueViews.BinDefinitionRequest::toBin)
                        .toList());
        return Response.created(uri.getAbsolutePathBuilder().path(model.code()).build())
                .entity(ChipModelView.of(model))
                .build();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "A chip model with its bins, best first")
    public ChipModelView chipModel(@PathParam("code") String code) {
        return ChipModelView.of(catalogue.chipModel(code));
    }

    @GET
    @Operation(summary = "List chip models")
    public List<ChipModelView> all() {
        return catalogue.chipModels().stream().map(ChipModelView::of).toList();
    }
}
