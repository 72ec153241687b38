package org.asicscm.qa.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
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
import org.asicscm.platform.Acting;
import org.asicscm.platform.Codes;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.Roles;
import org.asicscm.platform.TextBody;
import org.asicscm.qa.boundary.QaViews.BurnInView;
import org.asicscm.qa.control.BurnIns;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Burn-in logs of machines (docs/burn-in.md). */
@Path("qa/units/{serial}/burn-ins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "QA")
@RolesAllowed({Roles.QA, Roles.PLANNER, Roles.LOGISTICS, Roles.AUDITOR})
public class BurnInResource {
    /** 50,000 samples of about 110 bytes, with room to spare. */
    static final int LONGEST_LOG = 16 * 1024 * 1024;

    static final String NDJSON = "application/x-ndjson";

    @EJB
    BurnIns burnIns;

    @POST
    @RolesAllowed(Roles.QA)
    // any type matches, so that sign-in and roles are checked before the body's type (415 after, by hand)
    @Consumes(MediaType.WILDCARD)
    @RequestBody(
            required = true,
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)),
            description = "JSON lines, one sample per line (docs/burn-in.md)")
    @Operation(
            summary = "Upload a machine's burn-in log (JSON lines, up to 50,000 samples) and grade the machine",
            description = "Judged as a test (program BURN_IN) by the product's limits; a pass grades the machine"
                    + " (TH/s band rounded down, J/TH band rounded up). A malformed line refuses the whole log"
                    + " (400 naming line[N].field); nothing is kept. Bodies over 16 MiB are refused 413.")
    public Response upload(
            @PathParam("serial") String serial,
            @QueryParam("station") String station,
            @QueryParam("firmware") String firmware,
            @HeaderParam("Content-Type") String contentType,
            InputStream body,
            @Context UriInfo uri) {
        TextBody.requireType(contentType, Set.of(NDJSON, MediaType.TEXT_PLAIN), "a burn-in log");
        if (station != null && !Codes.isCode(station)) {
            throw new InvalidInputException("station", "must be a code of letters, digits, . _ -");
        }
        if (firmware != null && !Codes.isCode(firmware)) {
            throw new InvalidInputException("firmware", "must be a code of letters, digits, . _ -");
        }
        var burnIn = burnIns.upload(serial, TextBody.read(body, LONGEST_LOG), station, firmware, Acting.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(burnIn.id()).build())
                .entity(BurnInView.of(burnIn))
                .build();
    }

    @GET
    @Operation(summary = "A machine's burn-in runs, oldest first")
    public List<BurnInView> burnIns(@PathParam("serial") String serial) {
        return burnIns.of(serial).stream().map(BurnInView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One burn-in run")
    public BurnInView burnIn(@PathParam("serial") String serial, @PathParam("id") String id) {
        return BurnInView.of(burnIns.burnIn(serial, id));
    }

    @GET
    @Path("{id}/log")
    @Produces("application/x-ndjson")
    @Operation(summary = "The log as uploaded (served gzip-encoded, as it is kept)")
    public Response log(@PathParam("serial") String serial, @PathParam("id") String id) {
        return Response.ok(burnIns.burnIn(serial, id).logGzip())
                .header("Content-Encoding", "gzip")
                .build();
    }
}
