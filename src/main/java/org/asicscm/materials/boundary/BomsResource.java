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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.asicscm.materials.boundary.MaterialsViews.BomRequest;
import org.asicscm.materials.boundary.MaterialsViews.BomView;
import org.asicscm.materials.control.Boms;
import org.asicscm.platform.Acting;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.asicscm.platform.UnknownEntityException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A product's bill of materials, by version. */
@Path("products/{code}/boms")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Materials")
@RolesAllowed({Roles.PLANNER, Roles.AUDITOR})
public class BomsResource {

    @EJB
    Boms boms;

    @jakarta.inject.Inject
    Clock clock;

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(
            summary = "Define the next version of the product's BOM",
            description = "Lines per HASHBOARD or per MACHINE, each with a quantity and a scrap factor. A line naming"
                    + " the product itself or an unknown item, an item twice at one level, or a quantity that is not"
                    + " positive is 400 naming lines[i]; effectiveFrom must not be past and must come after the last"
                    + " version's (409 effective-date-not-after-last).")
    public Response define(@PathParam("code") String code, @Valid @NotNull BomRequest request, @Context UriInfo uri) {
        var lines = request.lines().stream()
                .map(l -> new Boms.Line(l.level(), l.item(), l.quantity(), l.scrapFactor()))
                .toList();
        var version = boms.define(code, request.effectiveFrom(), request.note(), lines, Acting.actor());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(version.version()))
                        .build())
                .entity(BomView.of(version))
                .build();
    }

    @GET
    @Operation(summary = "Every version of the product's BOM, oldest first")
    public List<BomView> versions(@PathParam("code") String code) {
        return boms.versions(code).stream().map(BomView::of).toList();
    }

    @GET
    @Path("in-force")
    @Operation(summary = "The version in force on a day (today unless on= is given)")
    public BomView inForce(@PathParam("code") String code, @QueryParam("on") String on) {
        LocalDate day = on == null ? LocalDate.now(clock) : QueryParams.date("on", on);
        return boms.inForce(code, day)
                .map(BomView::of)
                .orElseThrow(() -> new UnknownEntityException("BOM in force", code + " on " + day));
    }

    @GET
    @Path("{version}")
    @Operation(summary = "One version of the product's BOM")
    public BomView version(@PathParam("code") String code, @PathParam("version") String version) {
        return BomView.of(boms.version(code, QueryParams.positive("version", version)));
    }
}
