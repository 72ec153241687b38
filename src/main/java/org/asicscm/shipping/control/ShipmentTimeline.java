package org.asicscm.shipping.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.asicscm.compliance.control.Screening;
import org.asicscm.compliance.entity.ScreeningDecision;
import org.asicscm.events.entity.EventLogEntry;
import org.asicscm.shipping.entity.Carton;
import org.asicscm.shipping.entity.CustomerOrder;
import org.asicscm.shipping.entity.CustomerPayment;
import org.asicscm.shipping.entity.LegEvent;
import org.asicscm.shipping.entity.Shipment;
import org.asicscm.shipping.entity.ShippableMachine;

/**
 * A shipment's whole story in one list, oldest first: its order and payments, reservations,
 * booking, packing, screening and its reviews, credit approval, release, what carriers posted,
 * and the events the shipment published (from the event log).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ShipmentTimeline {

    /** One thing that happened: when, what kind (ORDER, PAYMENT, ... EVENT), what, and who did it (if a person). */
    public record Entry(OffsetDateTime at, String kind, String summary, String actor) {}

    @PersistenceContext
    EntityManager em;

    @EJB
    ShippingService shipping;

    @EJB
    CustomerOrders orders;

    @EJB
    Packing packing;

    @EJB
    Screening screening;

    @EJB
    CarrierTracking tracking;

    public List<Entry> of(String shipmentId) {
        Shipment shipment = shipping.shipment(shipmentId);
        var entries = new ArrayList<Entry>();
        if (shipment.orderId() != null) {
            CustomerOrder order = orders.order(shipment.orderId());
            entries.add(new Entry(
                    order.createdAt(),
                    "ORDER",
                    "order " + order.orderNumber() + " opened: " + order.machines() + " x " + order.product() + " at "
                            + order.unitPrice() + " " + order.currency(),
                    order.createdBy()));
            for (CustomerPayment p : orders.payments(order.id())) {
                entries.add(new Entry(
                        p.recordedAt(),
                        "PAYMENT",
                        p.amount() + " " + order.currency() + " received " + p.receivedOn() + " (" + p.reference()
                                + ")",
                        p.recordedBy()));
            }
        }
        for (ShippableMachine m : shipping.machinesOn(shipmentId)) {
            if (m.reservedAt() != null) {
                entries.add(new Entry(
                        m.reservedAt(), "RESERVATION", m.serial() + " reserved to order " + m.reservedOrderId(), null));
            }
        }
        entries.add(new Entry(
                shipment.bookedAt(),
                "BOOKING",
                "booked to " + shipment.destinationCountry() + ", "
                        + shipment.legs().size() + " legs, " + shipment.incoterm(),
                shipment.bookedBy()));
        for (Carton c : packing.cartons(shipmentId)) {
            entries.add(new Entry(
                    c.packedAt(),
                    "PACKING",
                    "carton " + c.number() + (c.pallet() != null ? " on pallet " + c.pallet() : "") + ": "
                            + String.join(", ", c.serials()),
                    c.packedBy()));
        }
        for (ScreeningDecision d : screening.of(shipmentId)) {
            entries.add(new Entry(
                    d.screenedAt(),
                    "SCREENING",
                    d.partyRole() + " " + d.partyName() + ": "
                            + (d.reviewedAt() != null ? "POTENTIAL_MATCH" : d.outcome()) + " on list " + d.listVersion()
                            + (d.score() != null ? " (best " + d.score() + ")" : ""),
                    d.screenedBy()));
            if (d.reviewedAt() != null) {
                entries.add(new Entry(
                        d.reviewedAt(),
                        "SCREENING_REVIEW",
                        d.partyRole() + " " + d.partyName() + ": " + d.outcome() + ", " + d.reviewReason(),
                        d.reviewedBy()));
            }
        }
        if (shipment.creditApprovedAt() != null) {
            entries.add(new Entry(
                    shipment.creditApprovedAt(),
                    "CREDIT_APPROVAL",
                    shipment.creditNote(),
                    shipment.creditApprovedBy()));
        }
        if (shipment.releasedAt() != null) {
            entries.add(new Entry(
                    shipment.releasedAt(),
                    "RELEASE",
                    "released for export"
                            + (shipment.exportLicence() != null ? " under licence " + shipment.exportLicence() : ""),
                    shipment.releasedBy()));
        }
        var legs = new java.util.HashMap<String, Integer>();
        shipment.legs().forEach(l -> legs.put(l.id(), l.seq()));
        for (LegEvent e : tracking.eventsOf(shipmentId)) {
            entries.add(new Entry(
                    e.occurredAt(),
                    "CARRIER",
                    "leg " + legs.get(e.legId()) + " " + e.milestone()
                            + (e.location() != null ? " at " + e.location() : "")
                            + " (" + e.carrier() + " " + e.carrierEventId() + (e.applied() ? "" : ", kept: posted late")
                            + ")",
                    null));
        }
        for (EventLogEntry event : em.createQuery(
                        "select e from EventLogEntry e where e.correlationId = :correlation and e.subjectId = :shipment",
                        EventLogEntry.class)
                .setParameter("correlation", shipment.correlationId())
                .setParameter("shipment", shipmentId)
                .getResultList()) {
            entries.add(new Entry(event.occurredAt(), "EVENT", event.type(), null));
        }
        entries.sort(Comparator.comparing(Entry::at));
        return entries;
    }
}
