package org.asicscm.shipping.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import org.asicscm.events.EventEnvelope;
import org.asicscm.events.Events;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the build schedule will add to the warehouse, for available-to-promise: each build order's
 * machines and the day its schedule ends, learnt from the planners' events. A machine of the
 * order already in the warehouse (or shipped) no longer counts as planned.
 */
@Stateless
public class PlannedOutput {

    @PersistenceContext
    EntityManager em;

    /** Days from a schedule's last day to machines in the warehouse: machine assembly, QA and burn-in. */
    @Inject
    @ConfigProperty(name = "scm.shipping.atp-lead-days", defaultValue = "2")
    int leadDays;

    /** Planned machines of a model free from a date on, not yet graded (burn-in grades them). */
    public record Planned(LocalDate availableOn, long machines) {}

    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case BUILD_ORDER_CREATED -> {
                var order = event.data(Events.BuildOrderCreated.class).order();
                if (em.createNativeQuery("update shipping_planned_output set machines = ?2 where build_order_id = ?1")
                                .setParameter(1, order.buildOrderId())
                                .setParameter(2, order.machines())
                                .executeUpdate()
                        == 0) {
                    em.createNativeQuery("insert into shipping_planned_output (build_order_id, product, machines)"
                                    + " values (?1, ?2, ?3)")
                            .setParameter(1, order.buildOrderId())
                            .setParameter(2, order.product())
                            .setParameter(3, order.machines())
                            .executeUpdate();
                }
            }
            case BUILD_ORDER_REDUCED -> {
                var order = event.data(Events.BuildOrderReduced.class).order();
                em.createNativeQuery("update shipping_planned_output set machines = ?2 where build_order_id = ?1")
                        .setParameter(1, order.buildOrderId())
                        .setParameter(2, order.machines())
                        .executeUpdate();
            }
            case BUILD_ORDER_CANCELLED ->
                em.createNativeQuery("delete from shipping_planned_output where build_order_id = ?1")
                        .setParameter(
                                1, event.data(Events.BuildOrderCancelled.class).buildOrderId())
                        .executeUpdate();
            // an order planned on several lines is done when its last line is
            case BUILD_SCHEDULED -> {
                var scheduled = event.data(Events.BuildScheduled.class);
                em.createNativeQuery("update shipping_planned_output set ends_on = ?2 where build_order_id = ?1"
                                + " and (ends_on is null or ends_on < ?2)")
                        .setParameter(1, scheduled.buildOrderId())
                        .setParameter(2, scheduled.endDate())
                        .executeUpdate();
            }
            case BUILD_RESCHEDULED -> {
                var rescheduled = event.data(Events.BuildRescheduled.class);
                em.createNativeQuery("update shipping_planned_output set ends_on = ?2 where build_order_id = ?1")
                        .setParameter(1, rescheduled.buildOrderId())
                        .setParameter(2, rescheduled.endDate())
                        .executeUpdate();
            }
            default -> throw new IllegalArgumentException("not a planning event: " + event.type());
        }
    }

    /** The model's planned machines by the day they reach the warehouse, soonest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Planned> of(String product) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select p.ends_on, p.machines - (select count(*) from"
                        + " shippable_machine m where m.build_order_id = p.build_order_id) from shipping_planned_output p"
                        + " where p.product = ?1 and p.ends_on is not null order by p.ends_on")
                .setParameter(1, product)
                .getResultList();
        var planned = new java.util.TreeMap<LocalDate, Long>();
        for (Object[] row : rows) {
            long machines = ((Number) row[1]).longValue();
            if (machines > 0) {
                planned.merge(date(row[0]).plusDays(leadDays), machines, Long::sum);
            }
        }
        return planned.entrySet().stream()
                .map(e -> new Planned(e.getKey(), e.getValue()))
                .toList();
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
