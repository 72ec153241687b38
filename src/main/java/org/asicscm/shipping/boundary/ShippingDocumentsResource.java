package org.asicscm.shipping.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.asicscm.platform.Roles;
import org.asicscm.shipping.control.ShippingDocuments;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A shipment's customs documents, written from its packing. */
@Path("shipments/{id}/documents")
@RequestScoped
@Tag(name = "Shipping")
@RolesAllowed({Roles.LOGISTICS, Roles.COMPLIANCE, Roles.AUDITOR})
public class ShippingDocumentsResource {
    static final String PDF = "application/pdf";

    @EJB
    ShippingDocuments documents;

    @GET
    @Path("commercial-invoice")
    @Produces(PDF)
    @Operation(
            summary = "The commercial invoice (PDF): seller, buyer, consignee, Incoterm, HS code, origin, every serial"
                    + " with its value, totals",
            description = "409 not-packed until every machine on the shipment is in a carton.")
    public Response commercialInvoice(@PathParam("id") String id) {
        return pdf(documents.commercialInvoice(id), "commercial-invoice-" + id + ".pdf");
    }

    @GET
    @Path("packing-list")
    @Produces(PDF)
    @Operation(
            summary = "The packing list (PDF): cartons and pallets with weights, sizes and serials",
            description = "409 not-packed until every machine on the shipment is in a carton.")
    public Response packingList(@PathParam("id") String id) {
        return pdf(documents.packingList(id), "packing-list-" + id + ".pdf");
    }

    private static Response pdf(byte[] bytes, String name) {
        return Response.ok(bytes, PDF)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
