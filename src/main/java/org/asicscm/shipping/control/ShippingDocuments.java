package org.asicscm.shipping.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.shipping.entity.Carton;
import org.asicscm.shipping.entity.Customer;
import org.asicscm.shipping.entity.CustomerOrder;
import org.asicscm.shipping.entity.Pallet;
import org.asicscm.shipping.entity.Shipment;
import org.asicscm.shipping.entity.ShippableMachine;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The commercial invoice and the packing list of a shipment, as PDF. Both are written from the
 * packing: every serial on the shipment appears once, and the totals are the sums of the lines
 * (the invoice's value is the order's unit price times the machines shipped, or the declared value
 * for a shipment without an order).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ShippingDocuments {
    static final String ORIGIN = "CN";

    @EJB
    ShippingService shipping;

    @EJB
    Packing packing;

    @EJB
    CustomerOrders orders;

    @Inject
    @ConfigProperty(name = "scm.company.name", defaultValue = "ASIC SCM Manufacturing (Shenzhen) Co., Ltd.")
    String sellerName;

    @Inject
    @ConfigProperty(name = "scm.company.address", defaultValue = "Bao'an District, Shenzhen, Guangdong, China")
    String sellerAddress;

    /** One invoice line: a machine, its carton and its value. */
    public record Line(String serial, String product, int carton, BigDecimal value) {}

    /** What both documents are written from. */
    public record Contents(
            Shipment shipment,
            Customer customer,
            CustomerOrder order,
            String currency,
            List<Carton> cartons,
            List<Pallet> pallets,
            List<Line> lines,
            BigDecimal total,
            BigDecimal netKg,
            BigDecimal grossKg) {}

    public Contents contents(String shipmentId) {
        Shipment shipment = shipping.shipment(shipmentId);
        List<ShippableMachine> machines = shipping.machinesOn(shipmentId);
        List<Carton> cartons = packing.cartons(shipmentId);
        List<Pallet> pallets = packing.pallets(shipmentId);
        var cartonOf = new HashMap<String, Integer>();
        cartons.forEach(c -> c.serials().forEach(s -> cartonOf.put(s, c.number())));
        List<String> unpacked = machines.stream()
                .map(ShippableMachine::serial)
                .filter(s -> !cartonOf.containsKey(s))
                .toList();
        if (!unpacked.isEmpty()) {
            throw new RuleViolationException(
                    "not-packed",
                    "shipment",
                    unpacked.size() + " machines of shipment " + shipmentId + " are not packed; documents follow the"
                            + " packing",
                    Map.of("unpacked", unpacked.size()));
        }
        CustomerOrder order = shipment.orderId() == null ? null : orders.order(shipment.orderId());
        List<BigDecimal> values = values(shipment, order, machines.size());
        var lines = new ArrayList<Line>();
        for (int i = 0; i < machines.size(); i++) {
            ShippableMachine m = machines.get(i);
            lines.add(new Line(m.serial(), m.product(), cartonOf.get(m.serial()), values.get(i)));
        }
        lines.sort(java.util.Comparator.comparing(Line::carton).thenComparing(Line::serial));
        return new Contents(
                shipment,
                shipping.customer(shipment.customerId()),
                order,
                order != null ? order.currency() : "USD",
                cartons,
                pallets,
                lines,
                lines.stream().map(Line::value).reduce(BigDecimal.ZERO, BigDecimal::add),
                cartons.stream().map(Carton::netKg).reduce(BigDecimal.ZERO, BigDecimal::add),
                // gross: the cartons and the pallets they are loaded on
                cartons.stream()
                        .map(Carton::grossKg)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .add(pallets.stream().map(Pallet::tareKg).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    /** Each machine's value: the order's unit price, or the declared value spread evenly (the last line takes the cents left). */
    private static List<BigDecimal> values(Shipment shipment, CustomerOrder order, int machines) {
        var values = new ArrayList<BigDecimal>(machines);
        if (order != null) {
            for (int i = 0; i < machines; i++) {
                values.add(order.unitPrice());
            }
            return values;
        }
        BigDecimal each = shipment.declaredValueUsd().divide(BigDecimal.valueOf(machines), 2, RoundingMode.DOWN);
        for (int i = 0; i < machines - 1; i++) {
            values.add(each);
        }
        values.add(shipment.declaredValueUsd().subtract(each.multiply(BigDecimal.valueOf(machines - 1))));
        return values;
    }

    public byte[] commercialInvoice(String shipmentId) {
        Contents c = contents(shipmentId);
        try (var pdf = new PdfPages()) {
            pdf.title("COMMERCIAL INVOICE");
            header(pdf, c);
            float[] at = {0, 30, 200, 330, 390};
            pdf.heading("Goods").row(at, "No.", "Serial", "Model", "Carton", "Value (" + c.currency() + ")");
            int n = 0;
            for (Line line : c.lines()) {
                pdf.row(
                        at,
                        String.valueOf(++n),
                        line.serial(),
                        line.product(),
                        String.valueOf(line.carton()),
                        line.value().toPlainString());
            }
            pdf.heading("Totals")
                    .line("Machines: " + c.lines().size() + "   Cartons: "
                            + c.cartons().size())
                    .line("Net weight: " + c.netKg().toPlainString() + " kg   Gross weight: "
                            + c.grossKg().toPlainString() + " kg")
                    .line("Total value: " + c.total().toPlainString() + " " + c.currency());
            return pdf.bytes();
        }
    }

    public byte[] packingList(String shipmentId) {
        Contents c = contents(shipmentId);
        try (var pdf = new PdfPages()) {
            pdf.title("PACKING LIST");
            header(pdf, c);
            for (Pallet pallet : c.pallets()) {
                long onIt = c.cartons().stream()
                        .filter(k -> pallet.code().equals(k.pallet()))
                        .count();
                pdf.line("Pallet " + pallet.code() + ": " + onIt + " cartons, tare "
                        + pallet.tareKg().toPlainString() + " kg, " + pallet.lengthCm() + " x " + pallet.widthCm()
                        + " x " + pallet.heightCm() + " cm");
            }
            for (Carton carton : c.cartons()) {
                pdf.heading("Carton " + carton.number()
                                + (carton.pallet() != null ? "  pallet " + carton.pallet() : ""))
                        .line("Net " + carton.netKg().toPlainString() + " kg, gross "
                                + carton.grossKg().toPlainString()
                                + " kg, " + carton.lengthCm() + " x " + carton.widthCm() + " x " + carton.heightCm()
                                + " cm");
                carton.serials().forEach(serial -> pdf.line("  " + serial));
            }
            pdf.heading("Totals")
                    .line("Machines: " + c.lines().size() + "   Cartons: "
                            + c.cartons().size() + "   Pallets: " + c.pallets().size())
                    .line("Net weight: " + c.netKg().toPlainString() + " kg   Gross weight: "
                            + c.grossKg().toPlainString() + " kg");
            return pdf.bytes();
        }
    }

    private void header(PdfPages pdf, Contents c) {
        Shipment s = c.shipment();
        var parties = s.parties();
        pdf.line("Shipment: " + s.id()
                        + (c.order() != null ? "   Order: " + c.order().orderNumber() : ""))
                .line("Seller: " + sellerName + ", " + sellerAddress)
                .line("Buyer: " + c.customer().name() + " (" + c.customer().country() + ")")
                .line("Consignee: "
                        + (parties.consigneeName() != null
                                ? parties.consigneeName() + " (" + parties.consigneeCountry() + ")"
                                        + (parties.consigneeAddress() != null ? ", " + parties.consigneeAddress() : "")
                                : c.customer().name() + " (" + c.customer().country() + ")"))
                .line(
                        parties.notifyName() != null
                                ? "Notify party: " + parties.notifyName()
                                : "Notify party: consignee")
                .line("Incoterm: " + s.incoterm() + "   HS code: " + s.hsCode() + "   Country of origin: " + ORIGIN
                        + "   Destination: " + s.destinationCountry())
                .line("Currency: " + c.currency()
                        + (s.exportLicence() != null ? "   Export licence: " + s.exportLicence() : ""));
    }
}
