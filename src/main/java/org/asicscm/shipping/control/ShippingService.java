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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.shipping.entity.Customer;
import org.asicscm.shipping.entity.CustomerOrder;
import org.asicscm.shipping.entity.Milestone;
import org.asicscm.shipping.entity.Shipment;
import org.asicscm.shipping.entity.ShipmentLeg;
import org.asicscm.shipping.entity.ShipmentMilestone;
import org.asicscm.shipping.entity.ShipmentParties;
import org.asicscm.shipping.entity.ShippableMachine;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Customers, the warehouse of machines ready to ship, and export shipments. */
@Stateless
public class ShippingService {
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    @PersistenceContext
    EntityManager em;

    @EJB
    EventOutbox outbox;

    /** Destinations no shipment may be booked to (ISO codes, comma separated). */
    @Inject
    @ConfigProperty(name = "scm.shipping.embargoed-countries", defaultValue = "CU,IR,KP,SY")
    String embargoedCountries;

    @Inject
    Clock clock;

    public Customer registerCustomer(String name, String country) {
        requireCountry("country", country);
        var customer = new Customer(name, country);
        em.persist(customer);
        return customer;
    }

    public Customer customer(String id) {
        Customer customer = em.find(Customer.class, id);
        if (customer == null) {
            throw new UnknownEntityException("customer", id);
        }
        return customer;
    }

    /** Reaction to MachineReadyToShip: the machine enters the warehouse. */
    public void machineReady(EventEnvelope event) {
        var ready = event.data(Events.MachineReadyToShip.class);
        if (em.find(ShippableMachine.class, ready.serial()) == null) {
            var machine = new ShippableMachine(
                    ready.serial(), ready.buildOrderId(), ready.product(), event.correlationId(), now());
            @SuppressWarnings("unchecked")
            List<Object[]> grade = em.createNativeQuery(
                            "select product, grade_ths, grade_jth from shipping_grade where serial = ?1")
                    .setParameter(1, ready.serial())
                    .getResultList();
            grade.forEach(g -> machine.grade((String) g[0], decimal(g[1]), decimal(g[2])));
            em.persist(machine);
        }
    }

    /**
     * Reaction to MachineGraded: the machine sells in its grade (none after a failed burn-in). The
     * grade is kept on its own too: it may arrive before MachineReadyToShip of the same transaction.
     */
    public void machineGraded(EventEnvelope event) {
        var graded = event.data(Events.MachineGraded.class);
        em.createNativeQuery("delete from shipping_grade where serial = ?1")
                .setParameter(1, graded.serial())
                .executeUpdate();
        em.createNativeQuery(
                        "insert into shipping_grade (serial, product, grade_ths, grade_jth) values (?1, ?2, ?3, ?4)")
                .setParameter(1, graded.serial())
                .setParameter(2, graded.product())
                .setParameter(3, graded.gradeThs())
                .setParameter(4, graded.gradeJth())
                .executeUpdate();
        ShippableMachine machine = em.find(ShippableMachine.class, graded.serial(), LockModeType.PESSIMISTIC_WRITE);
        if (machine != null) {
            machine.grade(graded.product(), graded.gradeThs(), graded.gradeJth());
        }
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    /** Reaction to QA's quality holds: the machines a hold names may not be booked until it is released. */
    public void qualityHold(EventEnvelope event) {
        switch (event.type()) {
            case QUALITY_HOLD_PLACED -> {
                var placed = event.data(Events.QualityHoldPlaced.class);
                for (String serial : placed.machineSerials()) {
                    if (!holdsOn(serial).contains(placed.holdId())) {
                        em.createNativeQuery("insert into shipping_hold (hold_id, serial) values (?1, ?2)")
                                .setParameter(1, placed.holdId())
                                .setParameter(2, serial)
                                .executeUpdate();
                    }
                }
            }
            case QUALITY_HOLD_RELEASED ->
                em.createNativeQuery("delete from shipping_hold where hold_id = ?1")
                        .setParameter(
                                1, event.data(Events.QualityHoldReleased.class).holdId())
                        .executeUpdate();
            default -> throw new IllegalArgumentException("not a quality hold: " + event.type());
        }
    }

    /** The QA holds that keep a machine from being booked. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> holdsOn(String serial) {
        @SuppressWarnings("unchecked")
        List<String> holds = em.createNativeQuery(
                        "select hold_id from shipping_hold where serial = ?1 order by hold_id")
                .setParameter(1, serial)
                .getResultList();
        return holds;
    }

    // a read: no transaction to begin and commit (clients poll these while they wait for a hop)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ShippableMachine shippable(String serial) {
        ShippableMachine machine = em.find(ShippableMachine.class, serial);
        if (machine == null) {
            throw new UnknownEntityException("machine ready to ship", serial);
        }
        return machine;
    }

    public List<ShippableMachine> machinesOn(String shipmentId) {
        return em.createNamedQuery(ShippableMachine.ON_SHIPMENT, ShippableMachine.class)
                .setParameter("shipmentId", shipmentId)
                .getResultList();
    }

    /** What a booking asks for, before it is checked. orderId, parties and legs may be absent. */
    public record Booking(
            String customerId,
            String orderId,
            List<String> machineSerials,
            Shipment.Mode mode,
            String carrier,
            Shipment.Incoterm incoterm,
            String destinationCountry,
            String hsCode,
            BigDecimal declaredValueUsd,
            ShipmentParties parties,
            List<ShipmentLeg.Plan> legs) {}

    public Shipment book(Booking booking, String actor, String correlationId) {
        String customerId = booking.customerId();
        Customer customer = em.find(Customer.class, customerId);
        if (customer == null) {
            throw new InvalidInputException("customerId", "no customer with id '" + customerId + "'");
        }
        CustomerOrder order = null;
        if (booking.orderId() != null) {
            order = em.find(CustomerOrder.class, booking.orderId());
            if (order == null) {
                throw new InvalidInputException("orderId", "no customer order with id '" + booking.orderId() + "'");
            }
            if (!order.customerId().equals(customerId)) {
                throw new InvalidInputException(
                        "customerId", "order " + order.orderNumber() + " is for customer " + order.customerId());
            }
        }
        String destinationCountry = booking.destinationCountry();
        requireCountry("destinationCountry", destinationCountry);
        refuseEmbargoed("destinationCountry", destinationCountry);
        var parties = booking.parties();
        for (String[] party : new String[][] {
            {"consignee.country", parties.consigneeCountry()},
            {"notifyParty.country", parties.notifyCountry()},
            {"forwarder.country", parties.forwarderCountry()}
        }) {
            if (party[1] != null) {
                requireCountry(party[0], party[1]);
            }
        }
        List<String> machineSerials = booking.machineSerials();
        if (new HashSet<>(machineSerials).size() != machineSerials.size()) {
            throw new InvalidInputException("machineSerials", "a machine is listed twice");
        }
        var machines = new ArrayList<ShippableMachine>();
        for (int i = 0; i < machineSerials.size(); i++) {
            machines.add(bookable(machineSerials.get(i), "machineSerials[" + i + "]", booking.orderId()));
        }
        String correlation =
                correlationId != null ? correlationId : machines.get(0).correlationId();
        var shipment = new Shipment(
                customer,
                booking.mode(),
                booking.carrier(),
                booking.incoterm(),
                destinationCountry,
                booking.hsCode(),
                booking.declaredValueUsd(),
                correlation,
                now());
        shipment.bookedFor(booking.orderId(), actor, parties);
        booking.legs().forEach(shipment::addLeg);
        em.persist(shipment);
        machines.forEach(m -> m.bookOn(shipment.id()));
        outbox.publish(
                new Events.ShipmentBooked(
                        shipment.id(),
                        customer.id(),
                        customer.name(),
                        destinationCountry,
                        booking.mode().name(),
                        booking.incoterm().name(),
                        List.copyOf(machineSerials)),
                correlation,
                null);
        return shipment;
    }

    /**
     * A machine that may go on a shipment: passed QA, not on another shipment, not under a quality
     * hold, and reserved to the shipment's order (or, for a booking without an order, to none).
     */
    private ShippableMachine bookable(String serial, String field, String orderId) {
        ShippableMachine machine = em.find(ShippableMachine.class, serial, LockModeType.PESSIMISTIC_WRITE);
        if (machine == null) {
            throw new RuleViolationException(
                    "machine-not-ready",
                    field,
                    "machine " + serial + " has not passed QA (or is unknown)",
                    Map.of("machine", serial));
        }
        if (!machine.isAvailable()) {
            throw new RuleViolationException(
                    "machine-already-booked",
                    field,
                    "machine " + serial + " is already on shipment " + machine.shipmentId(),
                    Map.of("machine", serial));
        }
        if (!Objects.equals(machine.reservedOrderId(), orderId)) {
            throw new RuleViolationException(
                    orderId == null ? "machine-taken" : "not-reserved-to-order",
                    field,
                    machine.reservedOrderId() == null
                            ? "machine " + serial + " is not reserved to order " + orderId
                            : "machine " + serial + " is reserved to order " + machine.reservedOrderId(),
                    Map.of("machine", serial));
        }
        List<String> holds = holdsOn(serial);
        if (!holds.isEmpty()) {
            throw new RuleViolationException(
                    "quality-hold",
                    field,
                    "machine " + serial + " is under quality hold " + holds.get(0),
                    Map.of("machine", serial, "holdIds", holds));
        }
        return machine;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isEmbargoed(String country) {
        return embargoed().contains(country);
    }

    private void refuseEmbargoed(String field, String country) {
        if (isEmbargoed(country)) {
            throw new RuleViolationException(
                    "embargoed-destination", field, "shipments to " + country + " are embargoed");
        }
    }

    public Shipment shipment(String id) {
        Shipment shipment = em.find(Shipment.class, id);
        if (shipment == null) {
            throw new UnknownEntityException("shipment", id);
        }
        return shipment;
    }

    public ShipmentMilestone recordMilestone(
            String shipmentId, Milestone milestone, OffsetDateTime occurredAt, String location, String note) {
        Shipment shipment = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (shipment == null) {
            throw new UnknownEntityException("shipment", shipmentId);
        }
        OffsetDateTime at = occurredAt == null ? now() : occurredAt.withOffsetSameInstant(ZoneOffset.UTC);
        if (at.isAfter(now().plusMinutes(5))) {
            throw new InvalidInputException("occurredAt", "must not be in the future");
        }
        ShipmentMilestone recorded;
        try {
            recorded = shipment.record(milestone, at, location, note);
        } catch (Shipment.NotReleased e) {
            throw new RuleViolationException("not-released", "milestone", e.getMessage());
        } catch (IllegalStateException e) {
            throw new RuleViolationException(
                    "milestone-out-of-order",
                    "milestone",
                    e.getMessage(),
                    Map.of("shipmentStatus", shipment.status().name()));
        }
        outbox.publish(
                new Events.ShipmentMilestoneReached(shipmentId, milestone.name(), at, location),
                shipment.correlationId(),
                null);
        return recorded;
    }

    private Set<String> embargoed() {
        return Arrays.stream(embargoedCountries.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private static void requireCountry(String field, String country) {
        if (!ISO_COUNTRIES.contains(country)) {
            throw new InvalidInputException(field, "'" + country + "' is not an ISO 3166-1 alpha-2 country code");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
