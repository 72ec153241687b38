package org.asicscm.shipping.entity;

/**
 * Milestones of an export shipment. The regular ones happen in this order; the exceptions
 * (hold, damage) can be logged at any time before delivery and do not move the shipment on.
 */
public enum Milestone {
    BOOKED,
    PICKED_UP,
    DEPARTED,
    ARRIVED,
    CUSTOMS_CLEARED,
    DELIVERED,
    HOLD,
    DAMAGE;

    public boolean isException() {
        return this == HOLD || this == DAMAGE;
    }
}
