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
import org.asicscm.allocation.boundary.CatalogueViews.ProductRequest;
import org.asicscm.allocation.boundary.CatalogueViews.ProductView;
import org.asicscm.allocation.control.Catalogue;
import org.asicscm.allocation.entity.Product;
import org.asicscm.platform.ListElements;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("products")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocation")
@RolesAllowed({Roles.PLANNER, Roles.QA, Roles.LOGISTICS, Roles.AUDITOR})
public class ProductsResource {

    @EJB
    Catalogue catalogue;

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(
            summary = "Define a product: chip model, board layout, minimum bin and the better bins that may substitute")
    public Response define(@Valid @NotNull ProductRequest request, @Context UriInfo uri) {
        List<String> substitutes = request.substitutes() == null ? List.of() : request.substitutes();
        ListElements.require("substitutes", substitutes, b -> !b.isBlank(), "must not be blank");
        var product = catalogue.registerProduct(
                request.code(),
                request.name(),
                request.chipModel(),
                request.chipsPerBoard(),
                request.boardsPerMachine(),
                request.minBin(),
                substitutes,
                request.scrapAllowancePercent() == null
                        ? Product.DEFAULT_SCRAP_ALLOWANCE
                        : request.scrapAllowancePercent());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(product.code()).build())
                .entity(ProductView.of(product))
                .build();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "A product")
    public ProductView product(@PathParam("code") String code) {
        return ProductView.of(catalogue.product(code));
    }

    @GET
    @Operation(summary = "All products")
    public List<ProductView> all() {
        return catalogue.products().stream().map(ProductView::of).toList();
    }
}
