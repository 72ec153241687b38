package org.asicscm.assembly.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.asicscm.assembly.boundary.FloorViews.KitView;
import org.asicscm.assembly.control.Kitting;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dies on the floor for each build order. */
@Path("build-kits")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assembly")
@RolesAllowed({Roles.PLANNER, Roles.AUDITOR})
public class BuildKitsResource {

    @EJB
    Kitting kitting;

    @GET
    @Path("{buildOrderId}")
    @Operation(summary = "The dies on the floor for a build order, per allocation")
    public KitView kit(@PathParam("buildOrderId") String buildOrderId) {
        return KitView.of(kitting.kit(buildOrderId));
    }
}
