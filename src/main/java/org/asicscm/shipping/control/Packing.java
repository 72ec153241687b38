package org.asicscm.shipping.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.shipping.entity.Carton;
import org.asicscm.shipping.entity.Pallet;
import org.asicscm.shipping.entity.Shipment;
import org.asicscm.shipping.entity.ShippableMachine;

/**
 * Packing a shipment: pallets, and cartons of serials on them (or loose). Every serial is packed once, only on the
 * shipment it is booked on (which for an order's shipment means reserved to that order), and
 * never while a quality hold is on it.
 */
@Stateless
public class Packing {

    @PersistenceContext
    EntityManager em;

    @EJB
    ShippingService shipping;

    @Inject
    Clock clock;

    public Carton pack(String shipmentId, List<String> serials, String pallet, Carton.Measure measure, String actor) {
        // the shipment's lock orders packers of one shipment: carton numbers and the once-only check
        Shipment shipment = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (shipment == null) {
            throw new UnknownEntityException("shipment", shipmentId);
        }
        if (shipment.isReleased()) {
            throw new RuleViolationException(
                    "already-released", "shipment", "shipment " + shipmentId + " is released; its packing is fixed");
        }
        if (new HashSet<>(serials).size() != serials.size()) {
            throw new InvalidInputException("serials", "a serial is listed twice");
        }
        if (pallet != null
                && pallets(shipmentId).stream().noneMatch(p -> p.code().equals(pallet))) {
            throw new InvalidInputException(
                    "pallet", "shipment " + shipmentId + " has no pallet " + pallet + "; add the pallet first");
        }
        for (int i = 0; i < serials.size(); i++) {
            String serial = serials.get(i);
            String field = "serials[" + i + "]";
            ShippableMachine machine = em.find(ShippableMachine.class, serial);
            if (machine == null || !shipmentId.equals(machine.shipmentId())) {
                throw new RuleViolationException(
                        "not-on-shipment",
                        field,
                        "machine " + serial + " is not booked on shipment " + shipmentId
                                + (shipment.orderId() != null ? " (for order " + shipment.orderId() + ")" : ""),
                        Map.of("serial", serial));
            }
            String carton = cartonOf(serial);
            if (carton != null) {
                throw new RuleViolationException(
                        "already-packed",
                        field,
                        "machine " + serial + " is packed already, in carton " + carton,
                        Map.of("serial", serial));
            }
            List<String> holds = shipping.holdsOn(serial);
            if (!holds.isEmpty()) {
                throw new RuleViolationException(
                        "quality-hold",
                        field,
                        "machine " + serial + " is under quality hold " + holds.get(0),
                        Map.of("serial", serial, "holdIds", holds));
            }
        }
        int number = cartons(shipmentId).size() + 1;
        var carton = new Carton(shipmentId, number, pallet, measure, serials, actor, now());
        em.persist(carton);
        return carton;
    }

    /** A pallet for the shipment's cartons: its code is unique on the shipment. */
    public Pallet addPallet(
            String shipmentId, String code, BigDecimal tareKg, int lengthCm, int widthCm, int heightCm) {
        Shipment shipment = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (shipment == null) {
            throw new UnknownEntityException("shipment", shipmentId);
        }
        if (shipment.isReleased()) {
            throw new RuleViolationException(
                    "already-released", "shipment", "shipment " + shipmentId + " is released; its packing is fixed");
        }
        if (pallets(shipmentId).stream().anyMatch(p -> p.code().equals(code))) {
            throw new RuleViolationException(
                    "duplicate-pallet", "code", "shipment " + shipmentId + " has a pallet " + code + " already");
        }
        var pallet = new Pallet(shipmentId, code, tareKg, lengthCm, widthCm, heightCm);
        em.persist(pallet);
        return pallet;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Pallet> pallets(String shipmentId) {
        return em.createNamedQuery(Pallet.OF_SHIPMENT, Pallet.class)
                .setParameter("shipmentId", shipmentId)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Carton> cartons(String shipmentId) {
        return em.createNamedQuery(Carton.OF_SHIPMENT, Carton.class)
                .setParameter("shipmentId", shipmentId)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<String> packedSerials(String shipmentId) {
        @SuppressWarnings("unchecked")
        List<String> serials = em.createNativeQuery(
                        "select i.serial from carton_item i join carton c on c.id = i.carton_id"
                                + " where c.shipment_id = ?1")
                .setParameter(1, shipmentId)
                .getResultList();
        return new HashSet<>(serials);
    }

    private String cartonOf(String serial) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select c.shipment_id, c.number from carton_item i join carton c on c.id = i.carton_id"
                                + " where i.serial = ?1")
                .setParameter(1, serial)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0)[1] + " of shipment " + rows.get(0)[0];
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
