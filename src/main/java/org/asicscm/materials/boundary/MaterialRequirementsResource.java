package org.asicscm.materials.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.asicscm.materials.control.Boms;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a build order takes of each purchased part. */
@Path("build-orders/{id}/materials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Materials")
@RolesAllowed({Roles.PLANNER, Roles.AUDITOR})
public class MaterialRequirementsResource {

    @EJB
    Boms boms;

    @GET
    @Operation(
            summary = "The build order's gross requirement of each item, under the BOM version it was opened with",
            description = "quantity per hashboard or machine x boards or machines x (1 + scrap factor), rounded up;"
                    + " empty when the product had no BOM when the order was opened.")
    public List<Boms.Requirement> requirements(@PathParam("id") String id) {
        return boms.requirements(id);
    }
}
