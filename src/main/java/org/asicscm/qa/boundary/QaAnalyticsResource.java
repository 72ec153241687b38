package org.asicscm.qa.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.asicscm.events.Events.UnitKind;
import org.asicscm.platform.Codes;
import org.asicscm.platform.CsvDownload;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.asicscm.qa.control.QaAnalytics;
import org.asicscm.qa.control.QaAnalytics.Dimension;
import org.asicscm.qa.control.QaAnalytics.Filters;
import org.asicscm.qa.control.QaAnalytics.ParetoRow;
import org.asicscm.qa.control.QaAnalytics.YieldRow;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where quality is lost: yield and the failure Pareto, each as JSON or CSV (docs/qa.md defines the figures). */
@Path("qa/analytics")
@RequestScoped
@Tag(name = "QA")
@RolesAllowed({Roles.QA, Roles.PLANNER, Roles.AUDITOR})
public class QaAnalyticsResource {

    @EJB
    QaAnalytics analytics;

    /** The filters every report takes (docs/qa.md). */
    public static class ReportFilters {
        @QueryParam("kind")
        String kind;

        @QueryParam("from")
        String from;

        @QueryParam("to")
        String to;

        @QueryParam("product")
        String product;

        @QueryParam("factory")
        String factory;

        Filters with(UnitKind absentKind) {
            var fromDate = QueryParams.date("from", from);
            var toDate = QueryParams.date("to", to);
            if (fromDate != null && toDate != null && !toDate.isAfter(fromDate)) {
                throw new InvalidInputException("to", "must be after from");
            }
            return new Filters(
                    kind == null ? absentKind : QueryParams.enumValue("kind", kind, UnitKind.class),
                    fromDate,
                    toDate,
                    QueryParams.text("product", product),
                    QueryParams.text("factory", factory));
        }
    }

    @GET
    @Path("yield")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Yield, first-pass yield, failures per 1,000 units and mean rework loops, grouped",
            description = "by: PRODUCT, FACTORY, LINE, LOT, BIN, WEEK (ISO, by first test); kind: BOARD (default) or"
                    + " MACHINE; from, to: dates [from, to) of the first test; product; factory (id)")
    public List<YieldRow> yieldReport(@QueryParam("by") String by, @BeanParam ReportFilters filters) {
        return analytics.yieldBy(dimension(by, Dimension.PRODUCT), filters.with(UnitKind.BOARD));
    }

    @GET
    @Path("yield/export")
    @Produces("text/csv")
    @Operation(summary = "The same yield report as CSV")
    public Response yieldCsv(@QueryParam("by") String by, @BeanParam ReportFilters filters) {
        var rows = yieldReport(by, filters);
        return CsvDownload.of(
                "yield.csv",
                new String[] {
                    "key",
                    "tested",
                    "firstPassed",
                    "passed",
                    "scrapped",
                    "failures",
                    "reworkLoops",
                    "yield",
                    "firstPassYield",
                    "failuresPer1000",
                    "meanReworkLoops"
                },
                printer -> {
                    for (YieldRow r : rows) {
                        printer.printRecord(
                                r.key(),
                                r.tested(),
                                r.firstPassed(),
                                r.passed(),
                                r.scrapped(),
                                r.failures(),
                                r.reworkLoops(),
                                r.yield(),
                                r.firstPassYield(),
                                r.failuresPer1000(),
                                r.meanReworkLoops());
                    }
                });
    }

    @GET
    @Path("pareto")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Failure Pareto: failures at factory tests and field returns, most first, with running share",
            description = "by: CODE (default), LOT, BIN, LINE, FACTORY; code: only that failure code; kind: BOARD or"
                    + " MACHINE (default both); from, to: dates [from, to) of the failure; product; factory (id)")
    public List<ParetoRow> pareto(
            @QueryParam("by") String by, @QueryParam("code") String code, @BeanParam ReportFilters filters) {
        Dimension dimension = dimension(by, Dimension.CODE);
        if (dimension == Dimension.WEEK || dimension == Dimension.PRODUCT) {
            throw new InvalidInputException("by", "a Pareto is by CODE, LOT, BIN, LINE or FACTORY");
        }
        if (code != null && !Codes.isCode(code)) {
            throw new InvalidInputException("code", "must be a failure code");
        }
        return analytics.pareto(dimension, code, filters.with(null));
    }

    @GET
    @Path("pareto/export")
    @Produces("text/csv")
    @Operation(summary = "The same Pareto as CSV")
    public Response paretoCsv(
            @QueryParam("by") String by, @QueryParam("code") String code, @BeanParam ReportFilters filters) {
        var rows = pareto(by, code, filters);
        return CsvDownload.of(
                "pareto.csv",
                new String[] {"key", "factoryFailures", "fieldFailures", "failures", "share", "cumulativeShare"},
                printer -> {
                    for (ParetoRow r : rows) {
                        printer.printRecord(
                                r.key(),
                                r.factoryFailures(),
                                r.fieldFailures(),
                                r.failures(),
                                r.share(),
                                r.cumulativeShare());
                    }
                });
    }

    private static Dimension dimension(String by, Dimension absent) {
        return by == null ? absent : QueryParams.enumValue("by", by, Dimension.class);
    }
}
