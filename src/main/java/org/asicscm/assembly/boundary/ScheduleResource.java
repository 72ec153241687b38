package org.asicscm.assembly.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.asicscm.assembly.boundary.FactoryViews.PlannedOrderView;
import org.asicscm.assembly.boundary.PlanViews.LineDayView;
import org.asicscm.assembly.boundary.PlanViews.OrderAtRiskView;
import org.asicscm.assembly.boundary.PlanViews.PlanRunRequest;
import org.asicscm.assembly.boundary.PlanViews.PlanRunView;
import org.asicscm.assembly.control.LineCalendars;
import org.asicscm.assembly.control.PlanReports;
import org.asicscm.assembly.control.SchedulingService;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The production plan: runs of the finite-capacity scheduler and the planner's views of it. */
@Path("schedule")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assembly")
@RolesAllowed({Roles.PLANNER, Roles.AUDITOR})
public class ScheduleResource {

    @EJB
    SchedulingService scheduling;

    @EJB
    LineCalendars calendars;

    @EJB
    PlanReports reports;

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Path("runs")
    @Operation(
            summary = "Re-plan every order's buildable boards onto the lines, most urgent first, within capacity",
            description =
                    "from defaults to today at the factory furthest behind (each line starts at its own factory's today),"
                            + " horizonDays to " + SchedulingService.DEFAULT_HORIZON_DAYS
                            + ". Orders whose plan changes get BuildScheduled or"
                            + " BuildRescheduled, late ones BuildFlaggedLate")
    public PlanRunView run(@Valid PlanRunRequest request) {
        LocalDate from = request == null || request.from() == null ? calendars.firstPlannableDay() : request.from();
        int horizon = request == null || request.horizonDays() == null
                ? SchedulingService.DEFAULT_HORIZON_DAYS
                : request.horizonDays();
        long started = System.nanoTime();
        var outcomes = scheduling.planAll(from, horizon);
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        return new PlanRunView(
                from,
                horizon,
                outcomes.size(),
                (int) outcomes.stream().filter(o -> o.late()).count(),
                elapsed,
                outcomes.stream().map(PlannedOrderView::of).toList());
    }

    @GET
    @Path("load")
    @Operation(
            summary = "Load per line per day: boards planned, share of capacity, orders; what a Gantt chart needs",
            description = "from defaults to today, to to from + 13 days; at most "
                    + SchedulingService.LONGEST_HORIZON_DAYS + " days")
    public List<LineDayView> load(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = from == null ? calendars.firstPlannableDay() : QueryParams.date("from", from);
        LocalDate end = to == null ? start.plusDays(13) : QueryParams.date("to", to);
        return reports.load(start, end).stream().map(LineDayView::of).toList();
    }

    @GET
    @Path("orders-at-risk")
    @Operation(
            summary = "Orders the plan cannot deliver as promised: late, unplaced, without dies or with dies on hold")
    public List<OrderAtRiskView> ordersAtRisk() {
        return reports.ordersAtRisk().stream().map(OrderAtRiskView::of).toList();
    }
}
