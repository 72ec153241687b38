package org.asicscm.assembly.boundary;

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
import org.asicscm.assembly.boundary.FactoryViews.PlannedOrderView;
import org.asicscm.assembly.boundary.ScenarioViews.AppliedView;
import org.asicscm.assembly.boundary.ScenarioViews.ScenarioRequest;
import org.asicscm.assembly.boundary.ScenarioViews.ScenarioSummary;
import org.asicscm.assembly.boundary.ScenarioViews.ScenarioView;
import org.asicscm.assembly.control.Scenarios;
import org.asicscm.assembly.entity.PlanScenario;
import org.asicscm.platform.Acting;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What-if plans: tried without changing anything, applied only when asked. */
@Path("schedule/scenarios")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assembly")
@RolesAllowed({Roles.PLANNER, Roles.AUDITOR})
public class ScenariosResource {

    @EJB
    Scenarios scenarios;

    @EJB
    Lists lists;

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(
            summary = "Try changes on the plan (closures, extra orders, extra lines, late receipts) and compare",
            description = "Plans in memory twice, as a run would now and with the changes, and answers the orders"
                    + " that finish on another day, those that become late or stop being late, and the load per"
                    + " line. Nothing but the scenario itself is written")
    public Response create(@Valid @NotNull ScenarioRequest request, @Context UriInfo uri) {
        var saved = scenarios.save(request.name(), request.changes(), Acting.actor());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(saved.scenario().id()).build())
                .entity(ScenarioView.of(saved))
                .build();
    }

    @GET
    @Operation(summary = "Scenarios, newest first, paged", description = "page from 0, size 1 to 500 (default 50)")
    public Page<ScenarioSummary> all(@QueryParam("page") String page, @QueryParam("size") String size) {
        var request = PageRequest.of(page, size, null, Set.of("createdAt"), "-createdAt");
        return lists.page(PlanScenario.class, "id", l -> l, request).map(ScenarioSummary::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A scenario, compared again with the plan as it is now (not once applied)")
    public ScenarioView scenario(@PathParam("id") String id) {
        return ScenarioView.of(scenarios.compare(id));
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Path("{id}/apply")
    @Operation(
            summary = "Make a scenario's changes and re-plan, in one transaction; once",
            description = "Adds its lines, makes its closures, moves its receipts and runs the whole plan. A"
                    + " scenario with extra orders is refused (409 scenario-has-orders): orders are taken at the"
                    + " order desk")
    public AppliedView apply(@PathParam("id") String id) {
        var applied = scenarios.apply(id, Acting.actor());
        return new AppliedView(
                ScenarioSummary.of(applied.scenario()),
                applied.plan().stream().map(PlannedOrderView::of).toList());
    }
}
