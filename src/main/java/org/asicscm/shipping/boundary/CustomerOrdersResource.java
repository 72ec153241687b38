package org.asicscm.shipping.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.asicscm.platform.Acting;
import org.asicscm.platform.Codes;
import org.asicscm.platform.ListElements;
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.asicscm.shipping.control.CustomerOrders;
import org.asicscm.shipping.entity.CustomerOrder;
import org.asicscm.shipping.entity.CustomerPayment;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customer orders by grade, their payments and the machines reserved to them. */
@Path("customer-orders")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipping")
@RolesAllowed({Roles.LOGISTICS, Roles.COMPLIANCE, Roles.AUDITOR})
public class CustomerOrdersResource {

    @EJB
    CustomerOrders orders;

    @EJB
    Lists lists;

    /** At least minGradeThs TH/s at most maxGradeJth J/TH; a better grade only with higherGradeAllowed. */
    public record OrderRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = Codes.PATTERN)
            String orderNumber,

            @NotBlank @Size(max = 36) String customerId,

            @NotBlank @Size(max = 40) @Pattern(regexp = Codes.PATTERN)
            String product,

            @NotNull @Min(1) @Max(10000) Integer machines,
            @NotNull @DecimalMin("0") @DecimalMax("10000") BigDecimal minGradeThs,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000")
            BigDecimal maxGradeJth,

            Boolean higherGradeAllowed,
            @NotNull LocalDate promisedDate,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000000")
            BigDecimal unitPrice,

            @NotNull @Size(max = 3) @Pattern(regexp = "[A-Z]{3}")
            String currency,

            @DecimalMin("0") @DecimalMax("100000000000") BigDecimal deposit) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public OrderRequest(
                String orderNumber,
                String customerId,
                String product,
                Integer machines,
                BigDecimal minGradeThs,
                BigDecimal maxGradeJth,
                Boolean higherGradeAllowed,
                LocalDate promisedDate,
                BigDecimal unitPrice,
                String currency,
                BigDecimal deposit) {
            this.orderNumber = orderNumber;
            this.customerId = customerId;
            this.product = product;
            this.machines = machines;
            this.minGradeThs = minGradeThs;
            this.maxGradeJth = maxGradeJth;
            this.higherGradeAllowed = higherGradeAllowed;
            this.promisedDate = promisedDate;
            this.unitPrice = unitPrice;
            this.currency = currency;
            this.deposit = deposit;
        }
    }

    public record PaymentRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000000000")
            BigDecimal amount,

            @NotNull LocalDate receivedOn,
            @NotBlank @Size(max = 80) String reference) {
        public PaymentRequest(BigDecimal amount, LocalDate receivedOn, String reference) {
            this.amount = amount;
            this.receivedOn = receivedOn;
            this.reference = reference;
        }
    }

    public record ReservationRequest(
            @NotEmpty @Size(max = 500) List<String> serials) {
        public ReservationRequest(List<String> serials) {
            this.serials = serials;
        }
    }

    public record PaymentView(String id, BigDecimal amount, LocalDate receivedOn, String reference, String recordedBy) {
        static PaymentView of(CustomerPayment p) {
            return new PaymentView(p.id(), p.amount(), p.receivedOn(), p.reference(), p.recordedBy());
        }
    }

    /** paidInFull: payments reach the total; balance: what is still to be paid. */
    public record OrderView(
            String id,
            String orderNumber,
            String customerId,
            String product,
            int machines,
            BigDecimal minGradeThs,
            BigDecimal maxGradeJth,
            boolean higherGradeAllowed,
            LocalDate promisedDate,
            BigDecimal unitPrice,
            String currency,
            BigDecimal total,
            BigDecimal deposit,
            BigDecimal paid,
            BigDecimal balance,
            boolean depositPaid,
            boolean paidInFull,
            List<String> reservedSerials,
            List<PaymentView> payments) {
        static OrderView of(CustomerOrder o, List<CustomerPayment> payments, List<String> reserved) {
            BigDecimal paid = payments.stream().map(CustomerPayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new OrderView(
                    o.id(),
                    o.orderNumber(),
                    o.customerId(),
                    o.product(),
                    o.machines(),
                    o.minGradeThs(),
                    o.maxGradeJth(),
                    o.higherGradeAllowed(),
                    o.promisedDate(),
                    o.unitPrice(),
                    o.currency(),
                    o.total(),
                    o.deposit(),
                    paid,
                    o.total().subtract(paid),
                    paid.compareTo(o.deposit()) >= 0,
                    paid.compareTo(o.total()) >= 0,
                    reserved,
                    payments.stream().map(PaymentView::of).toList());
        }

        static OrderView summary(CustomerOrder o) {
            return of(o, List.of(), List.of());
        }
    }

    @GET
    @Operation(
            summary = "Customer orders, newest first, filtered by customer and model, paged",
            description = "a listed order's paid, balance and reservations are in GET customer-orders/{id};"
                    + " page from 0, size 1 to 500 (default 50)")
    public Page<OrderView> list(
            @QueryParam("customerId") String customerId,
            @QueryParam("product") String product,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var request = PageRequest.of(page, size, null, Set.of("createdAt"), "-createdAt");
        String ofCustomer = QueryParams.text("customerId", customerId);
        String ofProduct = QueryParams.text("product", product);
        return lists.page(
                        CustomerOrder.class,
                        "id",
                        l -> l.equal("customerId", ofCustomer).equal("product", ofProduct),
                        request)
                .map(OrderView::summary);
    }

    @POST
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(
            summary = "Open a customer order for machines of a model at a minimum grade",
            description = "currency ISO 4217; promisedDate not in the past; deposit at most the total")
    public Response open(@Valid @NotNull OrderRequest request, @Context UriInfo uri) {
        var order = orders.open(
                new CustomerOrders.Terms(
                        request.orderNumber(),
                        request.customerId(),
                        request.product(),
                        request.machines(),
                        request.minGradeThs(),
                        request.maxGradeJth(),
                        Boolean.TRUE.equals(request.higherGradeAllowed()),
                        request.promisedDate(),
                        request.unitPrice(),
                        request.currency(),
                        request.deposit() == null ? BigDecimal.ZERO : request.deposit()),
                Acting.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(order.id()).build())
                .entity(view(order))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A customer order with what was paid, the balance and the machines reserved to it")
    public OrderView order(@PathParam("id") String id) {
        return view(orders.order(id));
    }

    @POST
    @RolesAllowed(Roles.LOGISTICS)
    @Path("{id}/payments")
    @Operation(
            summary = "Record money received against the order (amount, date, reference)",
            description = "409 overpaid when the payments would exceed the order's total")
    public Response pay(@PathParam("id") String id, @Valid @NotNull PaymentRequest request, @Context UriInfo uri) {
        orders.pay(id, request.amount(), request.receivedOn(), request.reference(), Acting.actor());
        return Response.created(
                        uri.getBaseUriBuilder().path("customer-orders").path(id).build())
                .entity(view(orders.order(id)))
                .build();
    }

    @POST
    @RolesAllowed(Roles.LOGISTICS)
    @Path("{id}/reservations")
    @Operation(
            summary = "Reserve machines to the order by serial, all or none",
            description = "Each must be in the warehouse, not booked, reserved or held, of the order's model and of a"
                    + " grade the order takes: never lower, higher only with higherGradeAllowed (409"
                    + " grade-below-order, higher-grade-not-allowed, machine-not-graded, wrong-model, order-full)")
    public OrderView reserve(@PathParam("id") String id, @Valid @NotNull ReservationRequest request) {
        ListElements.require("serials", request.serials(), Codes::isCode, "must be a machine serial");
        orders.reserve(id, request.serials());
        return view(orders.order(id));
    }

    private OrderView view(CustomerOrder order) {
        return OrderView.of(
                order,
                orders.payments(order.id()),
                orders.reserved(order.id()).stream()
                        .map(org.asicscm.shipping.entity.ShippableMachine::serial)
                        .toList());
    }
}
