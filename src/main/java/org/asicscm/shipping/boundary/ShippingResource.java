package org.asicscm.shipping.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.asicscm.platform.Correlation;
import org.asicscm.platform.ListElements;
import org.asicscm.shipping.control.ShippingService;
import org.asicscm.shipping.entity.Customer;
import org.asicscm.shipping.entity.Milestone;
import org.asicscm.shipping.entity.ShipmentMilestone;
import org.asicscm.shipping.entity.ShippableMachine;
import org.asicscm.shipping.entity.Shipment;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DefaultValue;
import java.util.Set;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.InvalidInputException;

@Path("")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipping")
public class ShippingResource {
    static final String COUNTRY = "[A-Z]{2}";

    public record CustomerRequest(@NotBlank @Size(max = 120) String name,
                                  @NotNull @Pattern(regexp = COUNTRY) String country) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public CustomerRequest(String name, String country) {
            this.name = name;
            this.country = country;
        }
    }

    public record CustomerView(String id, String name, String country) {
        static CustomerView of(Customer c) {
            return new CustomerView(c.id(), c.name(), c.country());
        }
    }

    public record ShippableView(String serial, String buildOrderId, String shipmentId, OffsetDateTime readyAt) {
        static ShippableView of(ShippableMachine m) {
            return new ShippableView(m.serial(), m.buildOrderId(), m.shipmentId(), m.readyAt());
        }
    }

    public record ShipmentRequest(
            @NotBlank @Size(max = 36) String customerId,
            @NotEmpty @Size(max = 2000) List<String> machineSerials,
            @NotNull Shipment.Mode mode,
            @NotBlank @Size(max = 60) String carrier,
            @NotNull Shipment.Incoterm incoterm,
            @NotNull @Pattern(regexp = COUNTRY) String destinationCountry,
            /* ASIC miners have been declared under 8471 and 8543; the choice changes the duty */
            @NotNull @Pattern(regexp = "\\d{4}(\\.\\d{2}){0,3}") String hsCode,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000") BigDecimal declaredValueUsd) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ShipmentRequest(String customerId, List<String> machineSerials, Shipment.Mode mode, String carrier, Shipment.Incoterm incoterm, String destinationCountry, String hsCode, BigDecimal declaredValueUsd) {
            this.customerId = customerId;
            this.machineSerials = machineSerials;
            this.mode = mode;
            this.carrier = carrier;
            this.incoterm = incoterm;
            this.destinationCountry = destinationCountry;
            this.hsCode = hsCode;
            this.declaredValueUsd = declaredValueUsd;
        }
    }

    public record MilestoneRequest(@NotNull Milestone milestone, OffsetDateTime occurredAt,
                                   @Size(max = 120) String location, @Size(max = 500) String note) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public MilestoneRequest(Milestone milestone, OffsetDateTime occurredAt, String location, String note) {
            this.milestone = milestone;
            this.occurredAt = occurredAt;
            this.location = location;
            this.note = note;
        }
    }

    public record MilestoneView(Milestone milestone, OffsetDateTime occurredAt, String location, String note) {
        static MilestoneView of(ShipmentMilestone m) {
            return new MilestoneView(m.milestone(), m.occurredAt(), m.location(), m.note());
        }
    }

    public record ShipmentView(String id, String customerId, String mode, String carrier, String incoterm,
                               String destinationCountry, String hsCode, BigDecimal declaredValueUsd, String status,
                               String correlationId, List<String> machineSerials, List<MilestoneView> milestones) {
        static ShipmentView of(Shipment s, List<ShippableMachine> machines) {
            return new ShipmentView(s.id(), s.customerId(), s.mode().name(), s.carrier(), s.incoterm().name(),
                    s.destinationCountry(), s.hsCode(), s.declaredValueUsd(), s.status().name(), s.correlationId(),
                    machines.stream().map(ShippableMachine::serial).toList(),
                    s.milestones().stream().map(MilestoneView::of).toList());
        }
    }

    @EJB
    ShippingService shipping;
    @EJB
    Lists lists;

    @POST
    @Path("customers")
    @Operation(summary = "Register a customer")
    public Response registerCustomer(@Valid @NotNull CustomerRequest request, @Context UriInfo uri) {
        var customer = shipping.registerCustomer(request.name(), request.country());
        return Response.created(uri.getAbsolutePathBuilder().path(customer.id()).build())
                .entity(CustomerView.of(customer)).build();
    }

    @GET
    @Path("customers/{id}")
    @Operation(summary = "A customer")
    public CustomerView customer(@PathParam("id") String id) {
        return CustomerView.of(shipping.customer(id));
    }

    @GET
    @Path("shippable-machines")
    @Operation(summary = "Machines that passed QA, by default those not yet booked on a shipment, oldest first, paged",
            description = "booked: false (default) or true; sort: readyAt, serial (a leading - sorts descending);"
                    + " page from 0, size 1 to 500 (default 50)")
    public Page<ShippableView> available(@QueryParam("buildOrderId") String buildOrderId,
            @QueryParam("booked") @DefaultValue("false") String booked, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        var request = PageRequest.of(page, size, sort, Set.of("readyAt", "serial"), "readyAt");
        boolean onShipment = switch (booked) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException("booked", "must be true or false");
        };
        return lists.page(ShippableMachine.class, "serial", l -> l.equal("buildOrderId", buildOrderId)
                .isNull("shipmentId", !onShipment), request).map(ShippableView::of);
    }

    @GET
    @Path("customers")
    @Operation(summary = "Customers by name, filtered and paged",
            description = "name matches any part, ignoring case; country: ISO code; sort: name, country;"
                    + " page from 0, size 1 to 500 (default 50)")
    public Page<CustomerView> customers(@QueryParam("name") String name, @QueryParam("country") String country,
            @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        var request = PageRequest.of(page, size, sort, Set.of("name", "country"), "name");
        String part = QueryParams.text("name", name);
        return lists.page(Customer.class, "id", l -> l.containing("name", part).equal("country", country), request)
                .map(CustomerView::of);
    }

    /** A shipment in a list: without machines and milestones, which {@code GET shipments/{id}} gives. */
    public record ShipmentSummaryView(String id, String customerId, String mode, String carrier, String incoterm,
                                      String destinationCountry, String status, OffsetDateTime bookedAt) {
        static ShipmentSummaryView of(Shipment s) {
            return new ShipmentSummaryView(s.id(), s.customerId(), s.mode().name(), s.carrier(), s.incoterm().name(),
                    s.destinationCountry(), s.status().name(), s.bookedAt());
        }
    }

    @GET
    @Path("shipments")
    @Operation(summary = "Shipments, newest first unless sorted otherwise, filtered and paged",
            description = "status: the latest milestone; sort: bookedAt, destinationCountry (a leading - sorts"
                    + " descending); page from 0, size 1 to 500 (default 50)")
    public Page<ShipmentSummaryView> shipments(@QueryParam("customerId") String customerId,
            @QueryParam("status") String status, @QueryParam("destinationCountry") String destinationCountry,
            @QueryParam("mode") String mode, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        var request = PageRequest.of(page, size, sort, Set.of("bookedAt", "destinationCountry"), "-bookedAt");
        var inStatus = QueryParams.enumValue("status", status, Milestone.class);
        var byMode = QueryParams.enumValue("mode", mode, Shipment.Mode.class);
        return lists.page(Shipment.class, "id", l -> l.equal("customerId", customerId).equal("status", inStatus)
                .equal("destinationCountry", destinationCountry).equal("mode", byMode), request)
                .map(ShipmentSummaryView::of);
    }

    @GET
    @Path("shippable-machines/{serial}")
    @Operation(summary = "A machine that passed QA: where it is (shipmentId once booked)")
    public ShippableView shippable(@PathParam("serial") String serial) {
        return ShippableView.of(shipping.shippable(serial));
    }

    @POST
    @Path("shipments")
    @Operation(summary = "Book an export shipment of machines that passed QA")
    public Response book(@Valid @NotNull ShipmentRequest request, @HeaderParam(Correlation.HEADER) String correlationId,
                         @Context UriInfo uri) {
        ListElements.require("machineSerials", request.machineSerials(), ListElements::isCode,
                "must be a machine serial number (letters, digits, '.', '_', '-'; at most 40)");
        var shipment = shipping.book(request.customerId(), request.machineSerials(), request.mode(), request.carrier(),
                request.incoterm(), request.destinationCountry(), request.hsCode(), request.declaredValueUsd(),
                Correlation.orNull(correlationId));
        return Response.created(uri.getAbsolutePathBuilder().path(shipment.id()).build())
                .entity(ShipmentView.of(shipment, shipping.machinesOn(shipment.id()))).build();
    }

    @GET
    @Path("shipments/{id}")
    @Operation(summary = "A shipment with its machines and milestones")
    public ShipmentView shipment(@PathParam("id") String id) {
        return ShipmentView.of(shipping.shipment(id), shipping.machinesOn(id));
    }

    @POST
    @Path("shipments/{id}/milestones")
    @Operation(summary = "Log a milestone: picked up, departed, arrived, customs cleared, delivered, or a hold or damage")
    public Response milestone(@PathParam("id") String id, @Valid @NotNull MilestoneRequest request,
                              @Context UriInfo uri) {
        var recorded = shipping.recordMilestone(id, request.milestone(), request.occurredAt(), request.location(),
                request.note());
        return Response.created(uri.getAbsolutePathBuilder().build()).entity(MilestoneView.of(recorded)).build();
    }
}
