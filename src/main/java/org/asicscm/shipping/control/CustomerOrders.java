package org.asicscm.shipping.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.shipping.entity.Customer;
import org.asicscm.shipping.entity.CustomerOrder;
import org.asicscm.shipping.entity.CustomerPayment;
import org.asicscm.shipping.entity.ShippableMachine;

/**
 * Customer orders by grade: what a buyer ordered and paid, which machines are reserved to it by
 * serial, and what is available to promise from the warehouse.
 */
@Stateless
public class CustomerOrders {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** What an order asks for, before it is checked. */
    public record Terms(
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
            BigDecimal deposit) {}

    public CustomerOrder open(Terms terms, String actor) {
        Customer customer = em.find(Customer.class, terms.customerId());
        if (customer == null) {
            throw new InvalidInputException("customerId", "no customer with id '" + terms.customerId() + "'");
        }
        try {
            Currency.getInstance(terms.currency());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency", "'" + terms.currency() + "' is not an ISO 4217 currency code");
        }
        if (terms.promisedDate().isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("promisedDate", "must not be in the past");
        }
        BigDecimal total = terms.unitPrice().multiply(BigDecimal.valueOf(terms.machines()));
        if (terms.deposit().compareTo(total) > 0) {
            throw new InvalidInputException("deposit", "must not exceed the order's total of " + total);
        }
        boolean taken = !em.createQuery("select o.id from CustomerOrder o where o.orderNumber = :number", String.class)
                .setParameter("number", terms.orderNumber())
                .getResultList()
                .isEmpty();
        if (taken) {
            throw new RuleViolationException(
                    "duplicate-order-number", "orderNumber", "order " + terms.orderNumber() + " already exists");
        }
        var order = new CustomerOrder(
                terms.orderNumber(),
                customer,
                terms.product(),
                terms.machines(),
                terms.minGradeThs(),
                terms.maxGradeJth(),
                terms.higherGradeAllowed(),
                terms.promisedDate(),
                terms.unitPrice(),
                terms.currency(),
                terms.deposit(),
                actor,
                now());
        em.persist(order);
        return order;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CustomerOrder order(String id) {
        CustomerOrder order = em.find(CustomerOrder.class, id);
        if (order == null) {
            throw new UnknownEntityException("customer order", id);
        }
        return order;
    }

    public CustomerPayment pay(
            String orderId, BigDecimal amount, LocalDate receivedOn, String reference, String actor) {
        CustomerOrder order = em.find(CustomerOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new UnknownEntityException("customer order", orderId);
        }
        if (receivedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("receivedOn", "must not be in the future");
        }
        BigDecimal after = paid(orderId).add(amount);
        if (after.compareTo(order.total()) > 0) {
            throw new RuleViolationException(
                    "overpaid",
                    "amount",
                    "payments would come to " + after + " " + order.currency() + ", above the order's total of "
                            + order.total(),
                    Map.of("paid", paid(orderId), "total", order.total()));
        }
        var payment = new CustomerPayment(orderId, amount, receivedOn, reference, actor, now());
        em.persist(payment);
        return payment;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<CustomerPayment> payments(String orderId) {
        return em.createNamedQuery(CustomerPayment.OF_ORDER, CustomerPayment.class)
                .setParameter("orderId", orderId)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public BigDecimal paid(String orderId) {
        return payments(orderId).stream().map(CustomerPayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ShippableMachine> reserved(String orderId) {
        return em.createQuery(
                        "select m from ShippableMachine m where m.reservedOrderId = :order order by m.serial",
                        ShippableMachine.class)
                .setParameter("order", orderId)
                .getResultList();
    }

    /** Reserves machines by serial: each in stock, of the order's model, of a grade the order takes; all or none. */
    public List<ShippableMachine> reserve(String orderId, List<String> serials) {
        CustomerOrder order = em.find(CustomerOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new UnknownEntityException("customer order", orderId);
        }
        if (new HashSet<>(serials).size() != serials.size()) {
            throw new InvalidInputException("serials", "a machine is listed twice");
        }
        int reserved = reserved(orderId).size();
        if (reserved + serials.size() > order.machines()) {
            throw new RuleViolationException(
                    "order-full",
                    "serials",
                    "order " + order.orderNumber() + " takes " + order.machines() + " machines and has " + reserved,
                    Map.of("reserved", reserved, "machines", order.machines()));
        }
        var machines = new ArrayList<ShippableMachine>();
        for (int i = 0; i < serials.size(); i++) {
            String field = "serials[" + i + "]";
            ShippableMachine machine = em.find(ShippableMachine.class, serials.get(i), LockModeType.PESSIMISTIC_WRITE);
            if (machine == null) {
                throw new RuleViolationException(
                        "machine-not-ready", field, "machine " + serials.get(i) + " has not passed QA (or is unknown)");
            }
            refuseUnfit(order, machine, field);
            machines.add(machine);
        }
        OffsetDateTime at = now();
        machines.forEach(m -> m.reserveFor(orderId, at));
        return machines;
    }

    private void refuseUnfit(CustomerOrder order, ShippableMachine machine, String field) {
        String serial = machine.serial();
        if (!machine.isAvailable() || machine.reservedOrderId() != null) {
            throw new RuleViolationException(
                    "machine-taken",
                    field,
                    "machine " + serial + " is already "
                            + (machine.isAvailable()
                                    ? "reserved to order " + machine.reservedOrderId()
                                    : "on shipment " + machine.shipmentId()));
        }
        if (!em.createNativeQuery("select hold_id from shipping_hold where serial = ?1")
                .setParameter(1, serial)
                .getResultList()
                .isEmpty()) {
            throw new RuleViolationException("quality-hold", field, "machine " + serial + " is under a quality hold");
        }
        if (!order.product().equals(machine.product())) {
            throw new RuleViolationException(
                    "wrong-model",
                    field,
                    "machine " + serial + " is a " + machine.product() + ", not a " + order.product());
        }
        var misfit = order.misfit(machine.gradeThs(), machine.gradeJth());
        if (misfit != null) {
            var details = new LinkedHashMap<String, Object>();
            details.put("gradeThs", machine.gradeThs());
            details.put("gradeJth", machine.gradeJth());
            throw new RuleViolationException(
                    switch (misfit) {
                        case UNGRADED -> "machine-not-graded";
                        case BELOW_ORDER -> "grade-below-order";
                        case ABOVE_ORDER -> "higher-grade-not-allowed";
                    },
                    field,
                    "machine " + serial + " is graded " + machine.gradeThs() + " TH/s at " + machine.gradeJth()
                            + " J/TH; order " + order.orderNumber() + " takes " + order.minGradeThs() + " TH/s at "
                            + order.maxGradeJth() + " J/TH"
                            + (order.higherGradeAllowed() ? " or better" : " exactly"),
                    details);
        }
    }

    /** One grade in stock: how many machines of it are free to promise. */
    public record StockGrade(BigDecimal gradeThs, BigDecimal gradeJth, long machines) {}

    /**
     * Machines of the model in the warehouse, graded, not reserved, not booked, not held, by
     * grade, best first. One grouped query over the model's stock.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StockGrade> availableToPromise(String product) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select m.grade_ths, m.grade_jth, count(*) from shippable_machine m"
                        + " where m.product = ?1 and m.shipment_id is null and m.reserved_order_id is null"
                        + " and m.grade_ths is not null"
                        + " and not exists (select 1 from shipping_hold h where h.serial = m.serial)"
                        + " group by m.grade_ths, m.grade_jth order by m.grade_ths desc, m.grade_jth")
                .setParameter(1, product)
                .getResultList();
        return rows.stream()
                .map(r -> new StockGrade(
                        new BigDecimal(r[0].toString()), new BigDecimal(r[1].toString()), ((Number) r[2]).longValue()))
                .toList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
