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
import java.util.Set;
import org.asicscm.assembly.boundary.FactoryViews.PlannedOrderView;
import org.asicscm.assembly.boundary.PlanViews.LineDayView;
import org.asicscm.assembly.boundary.PlanViews.OrderAtRiskView;
import org.asicscm.assembly.boundary.PlanViews.PlanRunRequest;
import org.asicscm.assembly.boundary.PlanViews.PlanRunView;
import org.asicscm.assembly.control.LineCalendars;
import org.asicscm.assembly.control.NetRequirements;
import org.asicscm.assembly.control.PlanReports;
import org.asicscm.assembly.control.SchedulingService;
import org.asicscm.materials.control.Items;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.asicscm.platform.UnknownEntityException;
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

    @EJB
    NetRequirements netRequirements;

    @EJB
    Items items;

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
    @Path("net-requirements")
    @Operation(
            summary = "Net requirements per item by week (MRP): gross from the plan, on hand, on order, net to buy",
            description = "from defaults to today (weeks start on Monday), weeks to 13 (1 to "
                    + NetRequirements.MOST_WEEKS + "); item narrows it to one item; items by code, paged"
                    + " (page from 0, size 1 to 500, default 50)")
    public Page<NetRequirements.ItemRequirement> netRequirements(
            @QueryParam("from") String from,
            @QueryParam("weeks") String weeks,
            @QueryParam("item") String item,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        LocalDate start = from == null ? calendars.firstPlannableDay() : QueryParams.date("from", from);
        int count = QueryParams.number("weeks", weeks, 13, 1, NetRequirements.MOST_WEEKS);
        if (item != null) {
            try {
                items.item(QueryParams.text("item", item));
            } catch (UnknownEntityException e) {
                throw new InvalidInputException("item", "no item '" + item + "'");
            }
        }
        var request = PageRequest.of(page, size, null, Set.of("item"), "item");
        var all = netRequirements.byWeek(start, count, item);
        int to = Math.min(all.size(), request.offset() + request.size());
        return new Page<>(
                request.offset() >= all.size() ? List.of() : all.subList(request.offset(), to),
                request.page(),
                request.size(),
                all.size());
    }

    @GET
    @Path("orders-at-risk")
    @Operation(
            summary = "Orders the plan cannot deliver as promised: late, unplaced, without dies or with dies on hold")
    public List<OrderAtRiskView> ordersAtRisk() {
        return reports.ordersAtRisk().stream().map(OrderAtRiskView::of).toList();
    }
}
