package org.asicscm.shipping.boundary;

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
import org.asicscm.platform.Lists;
import org.asicscm.platform.Page;
import org.asicscm.platform.PageRequest;
import org.asicscm.platform.QueryParams;
import org.asicscm.platform.Roles;
import org.asicscm.shipping.boundary.ShippingViews.CustomerRequest;
import org.asicscm.shipping.boundary.ShippingViews.CustomerView;
import org.asicscm.shipping.control.ShippingService;
import org.asicscm.shipping.entity.Customer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OEM's customers abroad. */
@Path("customers")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipping")
@RolesAllowed({Roles.LOGISTICS, Roles.COMPLIANCE, Roles.AUDITOR})
public class CustomersResource {

    @EJB
    ShippingService shipping;

    @EJB
    Lists lists;

    @POST
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(summary = "Register a customer")
    public Response registerCustomer(@Valid @NotNull CustomerRequest request, @Context UriInfo uri) {
        var customer = shipping.registerCustomer(request.name(), request.country());
        return Response.created(uri.getAbsolutePathBuilder().path(customer.id()).build())
                .entity(CustomerView.of(customer))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A customer")
    public CustomerView customer(@PathParam("id") String id) {
        return CustomerView.of(shipping.customer(id));
    }

    @GET
    @Operation(
            summary = "Customers by name, filtered and paged",
            description = "name matches any part, ignoring case; country: ISO code; sort: name, country;"
                    + " page from 0, size 1 to 500 (default 50)")
    public Page<CustomerView> customers(
            @QueryParam("name") String name,
            @QueryParam("country") String country,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        var request = PageRequest.of(page, size, sort, Set.of("name", "country"), "name");
        String part = QueryParams.text("name", name);
        return lists.page(Customer.class, "id", l -> l.containing("name", part).equal("country", country), request)
                .map(CustomerView::of);
    }
}
