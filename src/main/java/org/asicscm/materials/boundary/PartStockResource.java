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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.asicscm.materials.boundary.PartsViews.ConsumptionRequest;
import org.asicscm.materials.boundary.PartsViews.CountRequest;
import org.asicscm.materials.boundary.PartsViews.CountView;
import org.asicscm.materials.boundary.PartsViews.ShortfallView;
import org.asicscm.materials.boundary.PartsViews.StockView;
import org.asicscm.materials.boundary.PartsViews.TransferRequest;
import org.asicscm.materials.control.PartCounts;
import org.asicscm.materials.control.PartStocks;
import org.asicscm.platform.Acting;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Parts on hand by location and supplier lot, transfers to factories, consumption. */
@Path("parts-stock")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Materials")
@RolesAllowed({Roles.PLANNER, Roles.AUDITOR})
public class PartStockResource {

    @EJB
    PartStocks stocks;

    @EJB
    PartCounts counts;

    @GET
    @Operation(
            summary = "Parts on hand by item, location and supplier lot",
            description = "location: CENTRAL or a factory's id; both filters optional")
    public List<StockView> onHand(@QueryParam("item") String item, @QueryParam("location") String location) {
        return stocks.onHand(item, location).stream().map(StockView::of).toList();
    }

    @POST
    @Path("transfers")
    @RolesAllowed(Roles.PLANNER)
    @Operation(
            summary = "Consign parts of one lot from the central warehouse to a factory",
            description = "More than the warehouse has of the lot is 409 insufficient-parts with onHand and requested.")
    public StockView transfer(@Valid @NotNull TransferRequest request) {
        return StockView.of(stocks.transfer(
                request.item(), request.supplierLot(), request.quantity(), request.factoryId(), Acting.actor()));
    }

    @POST
    @Path("consumptions")
    @RolesAllowed(Roles.PLANNER)
    @Operation(
            summary = "Record parts used at a location, oldest lot first",
            description = "More than the location has is 409 insufficient-parts with onHand and requested; nothing is"
                    + " taken.")
    public List<StockView> consume(@Valid @NotNull ConsumptionRequest request) {
        return stocks
                .consume(request.item(), request.location(), request.quantity(), request.reference(), Acting.actor())
                .stream()
                .map(StockView::of)
                .toList();
    }

    @POST
    @Path("counts")
    @RolesAllowed(Roles.PLANNER)
    @Operation(
            summary = "Record a count of one lot of an item at a location",
            description = "The stock becomes what was counted; the variance is kept as a movement, and the parts"
                    + " assembly took there beyond the record (shortfalls) are settled by the count.")
    public CountView count(@Valid @NotNull CountRequest request) {
        return CountView.of(counts.count(
                request.item(),
                request.location(),
                request.supplierLot(),
                request.counted(),
                request.note(),
                Acting.actor()));
    }

    @GET
    @Path("shortfalls")
    @Operation(
            summary = "Parts assembly took at a location beyond the record, not yet settled by a count",
            description = "item and location (CENTRAL or a factory's id) are required")
    public List<ShortfallView> shortfalls(@QueryParam("item") String item, @QueryParam("location") String location) {
        if (item == null || location == null) {
            throw new InvalidInputException(item == null ? "item" : "location", "is required");
        }
        return counts.open(QueryParams.text("item", item), QueryParams.text("location", location)).stream()
                .map(ShortfallView::of)
                .toList();
    }
}
