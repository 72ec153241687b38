package org.asicscm.access.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.Set;
import org.asicscm.access.entity.AuditEntry;
import org.asicscm.platform.CsvDownload;
import org.asicscm.platform.Listing;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who changed what and when, for auditors and admins: read only, as JSON pages or one CSV file. */
@Path("audit")
@RequestScoped
@Tag(name = "Access")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {
    /** The most rows one CSV export holds; narrow the filters for more. */
    static final int LONGEST_EXPORT = 100_000;

    @EJB
    Lists lists;

    public record AuditView(
            String id,
            OffsetDateTime at,
            String actor,
            String action,
            String entity,
            String entityId,
            String changes,
            String correlationId) {
        static AuditView of(AuditEntry e) {
            return new AuditView(
                    e.id(), e.at(), e.actor(), e.action(), e.entity(), e.entityId(), e.changes(), e.correlationId());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The audit trail, newest first, filtered and paged",
            description = "entity (e.g. WaferLot), id, user, from and to (times with offset, [from, to));"
                    + " changes holds each changed field's before and after; page from 0, size 1 to 500")
    public Page<AuditView> trail(
            @QueryParam("entity") String entity,
            @QueryParam("id") String id,
            @QueryParam("user") String user,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var request = PageRequest.of(page, size, "-at", Set.of("at"), "-at");
        var filters = filters(entity, id, user, from, to);
        return lists.page(AuditEntry.class, "id", filters::apply, request).map(AuditView::of);
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @Operation(summary = "The same trail as one CSV file, oldest first (at most 100,000 rows)")
    public Response export(
            @QueryParam("entity") String entity,
            @QueryParam("id") String id,
            @QueryParam("user") String user,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        var filters = filters(entity, id, user, from, to);
        int pageSize = PageRequest.MAX_SIZE;
        return CsvDownload.of(
                "audit.csv",
                new String[] {"at", "actor", "action", "entity", "entityId", "changes", "correlationId"},
                printer -> {
                    for (int page = 0; page * pageSize < LONGEST_EXPORT; page++) {
                        var rows = lists.page(
                                AuditEntry.class,
                                "id",
                                filters::apply,
                                PageRequest.of(
                                        String.valueOf(page), String.valueOf(pageSize), "at", Set.of("at"), "at"));
                        for (AuditEntry e : rows.items()) {
                            printer.printRecord(
                                    e.at(),
                                    e.actor(),
                                    e.action(),
                                    e.entity(),
                                    e.entityId(),
                                    e.changes(),
                                    e.correlationId());
                        }
                        if ((long) (page + 1) * pageSize >= rows.total()) {
                            break;
                        }
                    }
                });
    }

    private record Filters(String entity, String id, String user, OffsetDateTime from, OffsetDateTime to) {
        Listing<AuditEntry> apply(Listing<AuditEntry> listing) {
            return listing.equal("entity", entity)
                    .equal("entityId", id)
                    .equal("actor", user)
                    .atLeast("at", from)
                    .before("at", to);
        }
    }

    private static Filters filters(String entity, String id, String user, String from, String to) {
        return new Filters(
                QueryParams.text("entity", entity),
                QueryParams.text("id", id),
                QueryParams.text("user", user),
                QueryParams.time("from", from),
                QueryParams.time("to", to));
    }
}
