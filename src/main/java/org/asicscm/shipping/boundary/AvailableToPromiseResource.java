package org.asicscm.shipping.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.asicscm.platform.Codes;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.Roles;
import org.asicscm.shipping.control.CustomerOrders;
import org.asicscm.shipping.control.CustomerOrders.StockGrade;
import org.asicscm.shipping.control.PlannedOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What logistics can promise now: machines in stock by model and grade. */
@Path("available-to-promise")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipping")
@RolesAllowed({Roles.LOGISTICS, Roles.PLANNER, Roles.AUDITOR})
public class AvailableToPromiseResource {

    @EJB
    CustomerOrders orders;

    /**
     * machines and grades: in stock now; planned: what the build schedule adds, by the day it
     * reaches the warehouse (its grade is known after burn-in); plannedMachines their sum.
     */
    public record StockView(
            String product,
            long machines,
            List<StockGrade> grades,
            long plannedMachines,
            List<PlannedOutput.Planned> planned) {}

    @EJB
    PlannedOutput plannedOutput;

    @GET
    @Operation(
            summary = "Machines of a model in stock and free to promise, by grade, best first",
            description = "In stock: passed QA, graded by burn-in, not reserved to an order, not on a shipment, not"
                    + " under a quality hold. Planned: the build orders' machines not yet in the warehouse, by the last"
                    + " day of their schedule plus scm.shipping.atp-lead-days (2)")
    public StockView available(@QueryParam("product") String product) {
        if (product == null || !Codes.isCode(product)) {
            throw new InvalidInputException("product", "must be the model's product code");
        }
        var grades = orders.availableToPromise(product);
        var planned = plannedOutput.of(product);
        return new StockView(
                product,
                grades.stream().mapToLong(StockGrade::machines).sum(),
                grades,
                planned.stream().mapToLong(PlannedOutput.Planned::machines).sum(),
                planned);
    }
}
