package org.asicscm.shipping.entity;

/**
 * Milestones of an export shipment and of each of its legs. The regular ones happen in this
 * order; the exceptions (held by customs, damage, delay) can be logged at any time before delivery
 * and do not move the shipment on.
 */
public enum Milestone {
    BOOKED,
    PICKED_UP,
    DEPARTED,
    ARRIVED,
    CUSTOMS_CLEARED,
    OUT_FOR_DELIVERY,
    DELIVERED,
    /** held by customs */
    HOLD,
    DAMAGE,
    DELAYED;

    public boolean isException() {
        return this == HOLD || this == DAMAGE || this == DELAYED;
    }
}
