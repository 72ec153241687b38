package org.asicscm.shipping.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.shipping.entity.LegEvent;
import org.asicscm.shipping.entity.Milestone;
import org.asicscm.shipping.entity.Shipment;
import org.asicscm.shipping.entity.ShipmentLeg;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What carriers report about the legs they carry, posted in batches to a webhook. Each carrier
 * event is kept once (a repeat is answered, not applied again); a milestone posted after a later
 * one is kept but moves nothing back. The first leg's pick-up and departure and the last leg's
 * arrival onwards are the shipment's own milestones; a delay beyond the threshold is an event.
 */
@Stateless
public class CarrierTracking {

    /** One event of a carrier's batch. */
    public record Post(
            String eventId,
            String trackingNumber,
            Milestone milestone,
            OffsetDateTime occurredAt,
            String location,
            OffsetDateTime eta) {}

    public enum Outcome {
        /** moved the leg on */
        APPLIED,
        /** kept, but the leg is already further (posted out of order) or it is an exception */
        KEPT,
        /** this carrier event id was posted before */
        DUPLICATE
    }

    public record Result(String eventId, String legId, Outcome outcome) {}

    @PersistenceContext
    EntityManager em;

    @EJB
    EventOutbox outbox;

    @Inject
    Clock clock;

    /** How late a new ETA may be against the planned arrival before ShipmentEtaSlipped is published. */
    @Inject
    @ConfigProperty(name = "scm.shipping.eta-slip-hours", defaultValue = "24")
    long etaSlipHours;

    /** Takes a carrier's batch whole: an unknown tracking number or a leg not released refuses it all. */
    public List<Result> receive(String carrier, List<Post> posts) {
        var legs = new ArrayList<ShipmentLeg>();
        for (int i = 0; i < posts.size(); i++) {
            legs.add(leg(carrier, posts.get(i), "events[" + i + "]"));
        }
        var results = new ArrayList<Result>();
        var inThisBatch = new HashSet<String>();
        for (int i = 0; i < posts.size(); i++) {
            Post post = posts.get(i);
            ShipmentLeg leg = legs.get(i);
            if (!inThisBatch.add(post.eventId()) || seen(carrier, post.eventId())) {
                results.add(new Result(post.eventId(), leg.id(), Outcome.DUPLICATE));
                continue;
            }
            OffsetDateTime at = post.occurredAt().withOffsetSameInstant(ZoneOffset.UTC);
            boolean applied = leg.advance(post.milestone(), at);
            em.persist(new LegEvent(
                    carrier,
                    post.eventId(),
                    leg.id(),
                    post.milestone(),
                    at,
                    post.location(),
                    post.eta(),
                    applied,
                    now()));
            if (applied || post.milestone().isException()) {
                mirror(leg, post.milestone(), at, post.location());
            }
            if (post.eta() != null) {
                reestimate(leg, post.eta().withOffsetSameInstant(ZoneOffset.UTC));
            }
            results.add(new Result(post.eventId(), leg.id(), applied ? Outcome.APPLIED : Outcome.KEPT));
        }
        return results;
    }

    private ShipmentLeg leg(String carrier, Post post, String field) {
        // the newest leg of that tracking number, then locked by id: EclipseLink writes H2's
        // "FOR UPDATE" before "LIMIT", which H2 refuses (README, developer notes)
        List<String> found = em.createQuery(
                        "select l.id from ShipmentLeg l where l.carrier = :carrier and l.trackingNumber = :tracking"
                                + " order by l.plannedDeparture desc",
                        String.class)
                .setParameter("carrier", carrier)
                .setParameter("tracking", post.trackingNumber())
                .setMaxResults(1)
                .getResultList();
        if (found.isEmpty()) {
            throw new RuleViolationException(
                    "unknown-leg",
                    field + ".trackingNumber",
                    "no leg carried by " + carrier + " has tracking number " + post.trackingNumber());
        }
        ShipmentLeg leg = em.find(ShipmentLeg.class, found.get(0), LockModeType.PESSIMISTIC_WRITE);
        if (!post.milestone().isException() && !leg.shipment().isReleased()) {
            throw new RuleViolationException(
                    "not-released",
                    field + ".milestone",
                    "shipment " + leg.shipment().id() + " is not released for export; " + post.milestone()
                            + " cannot be logged");
        }
        if (post.occurredAt().isAfter(now().plusMinutes(5))) {
            throw new InvalidInputException(field + ".occurredAt", "must not be in the future");
        }
        return leg;
    }

    private boolean seen(String carrier, String eventId) {
        return !em.createQuery(
                        "select e.id from LegEvent e where e.carrier = :carrier and e.carrierEventId = :eventId",
                        String.class)
                .setParameter("carrier", carrier)
                .setParameter("eventId", eventId)
                .getResultList()
                .isEmpty();
    }

    /** The first leg's pick-up and departure, the last leg's arrival onwards, and any exception are the shipment's. */
    private void mirror(ShipmentLeg leg, Milestone milestone, OffsetDateTime at, String location) {
        Shipment shipment = leg.shipment();
        if (shipment.status() == Milestone.DELIVERED) {
            return;
        }
        boolean first = leg.seq() == 1;
        boolean last = leg.seq() == shipment.legs().size();
        boolean shipmentsOwn = milestone.isException()
                || (first && (milestone == Milestone.PICKED_UP || milestone == Milestone.DEPARTED))
                || (last && milestone.ordinal() >= Milestone.ARRIVED.ordinal());
        if (!shipmentsOwn
                || (!milestone.isException()
                        && milestone.ordinal() <= shipment.status().ordinal())) {
            return;
        }
        em.lock(shipment, LockModeType.PESSIMISTIC_WRITE);
        shipment.record(milestone, at, location, "leg " + leg.seq() + " (" + leg.carrier() + ")");
        outbox.publish(
                new Events.ShipmentMilestoneReached(shipment.id(), milestone.name(), at, location),
                shipment.correlationId(),
                null);
    }

    private void reestimate(ShipmentLeg leg, OffsetDateTime eta) {
        OffsetDateTime before = leg.eta();
        Duration slip = leg.reestimate(eta);
        boolean later = before == null || eta.isAfter(before);
        if (later && slip.toHours() > etaSlipHours) {
            outbox.publish(
                    new Events.ShipmentEtaSlipped(
                            leg.shipment().id(), leg.id(), leg.seq(), leg.plannedArrival(), eta, slip.toHours()),
                    leg.shipment().correlationId(),
                    null);
        }
    }

    /** The events carriers posted about a shipment's legs, in the order they happened. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<LegEvent> eventsOf(String shipmentId) {
        return em.createQuery(
                        "select e from LegEvent e, ShipmentLeg l where e.legId = l.id and l.shipment.id = :shipment"
                                + " order by e.occurredAt, e.receivedAt",
                        LegEvent.class)
                .setParameter("shipment", shipmentId)
                .getResultList();
    }

    /** Deliveries by lane, carrier or customer: how many arrived, how many on time. */
    public enum Grouping {
        LANE,
        CARRIER,
        CUSTOMER
    }

    public record OnTime(String key, long arrived, long onTime) {
        public double share() {
            return arrived == 0 ? 0 : (double) onTime / arrived;
        }
    }

    /**
     * On-time delivery. By carrier each leg that arrived counts; by lane (the first leg's origin to
     * the last leg's destination) and by customer each shipment whose last leg arrived, on time when
     * that leg arrived no later than planned. from/to bound the planned arrival.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OnTime> onTime(Grouping by, OffsetDateTime from, OffsetDateTime to) {
        List<ShipmentLeg> legs = em.createQuery(
                        "select l from ShipmentLeg l where l.actualArrival is not null"
                                + " and l.plannedArrival >= :from and l.plannedArrival < :to",
                        ShipmentLeg.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        var counts = new TreeMap<String, long[]>();
        for (ShipmentLeg leg : legs) {
            Shipment shipment = leg.shipment();
            boolean last = leg.seq() == shipment.legs().size();
            String key;
            switch (by) {
                case CARRIER -> key = leg.carrier();
                case LANE -> key = last ? shipment.legs().get(0).origin() + "-" + leg.destination() : null;
                default -> key = last ? customerName(shipment.customerId()) : null;
            }
            if (key == null) {
                continue;
            }
            long[] count = counts.computeIfAbsent(key, k -> new long[2]);
            count[0]++;
            if (Boolean.TRUE.equals(leg.onTime())) {
                count[1]++;
            }
        }
        var rows = new ArrayList<OnTime>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            rows.add(new OnTime(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        return rows;
    }

    private String customerName(String customerId) {
        return em.createQuery("select c.name from Customer c where c.id = :id", String.class)
                .setParameter("id", customerId)
                .getSingleResult();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
