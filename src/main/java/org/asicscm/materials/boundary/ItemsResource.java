package org.asicscm.materials.boundary;

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
import org.asicscm.materials.boundary.MaterialsViews.ItemRequest;
import org.asicscm.materials.boundary.MaterialsViews.ItemView;
import org.asicscm.materials.control.Items;
import org.asicscm.materials.entity.Item;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The item master: purchased parts. */
@Path("items")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Materials")
@RolesAllowed({Roles.PLANNER, Roles.AUDITOR})
public class ItemsResource {

    @EJB
    Items items;

    @EJB
    Lists lists;

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(
            summary = "Register a purchased part: code, description, kind, unit of measure, lot-tracked",
            description = "409 duplicate-item for a code that exists.")
    public Response register(@Valid @NotNull ItemRequest request, @Context UriInfo uri) {
        var item = items.register(
                request.code(),
                request.description(),
                request.kind(),
                request.uom(),
                Boolean.TRUE.equals(request.lotTracked()));
        return Response.created(uri.getAbsolutePathBuilder().path(item.code()).build())
                .entity(ItemView.of(item))
                .build();
    }

    @GET
    @Operation(
            summary = "Items by code, filtered by kind and paged",
            description = "page from 0, size 1 to 500 (default 50)")
    public Page<ItemView> items(
            @QueryParam("kind") String kind, @QueryParam("page") String page, @QueryParam("size") String size) {
        var request = PageRequest.of(page, size, null, Set.of("code"), "code");
        var ofKind = QueryParams.enumValue("kind", kind, Item.Kind.class);
        return lists.page(Item.class, "code", l -> l.equal("kind", ofKind), request)
                .map(ItemView::of);
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One item")
    public ItemView item(@PathParam("code") String code) {
        return ItemView.of(items.item(code));
    }
}
